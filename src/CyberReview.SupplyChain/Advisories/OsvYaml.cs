using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// Turns an OSV record written in YAML into the same JSON the JSON reader takes, every scalar as a string:
/// PyPA leaves timestamps unquoted, which a typed YAML loader would turn into dates. Plain <c>null</c>, <c>~</c>
/// and empty scalars become JSON null. Aliases are refused: OSV has no use for them and they are the billion laughs.
/// </summary>
internal static class OsvYaml
{
    public static byte[] ToJson(string yaml, int maxDepth)
    {
        var parser = new Parser(new StringReader(yaml));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = maxDepth + 1, SkipValidation = true }))
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                throw new YamlException("the document is empty");
            parser.Consume<DocumentStart>();
            WriteNode(parser, writer, 0, maxDepth);
            parser.Consume<DocumentEnd>();
        }
        return buffer.ToArray();
    }

    private static void WriteNode(IParser parser, Utf8JsonWriter writer, int depth, int maxDepth)
    {
        if (depth > maxDepth)
            throw new YamlException(parser.Current!.Start, parser.Current.End, $"nesting deeper than {maxDepth} levels");

        switch (parser.Current)
        {
            case Scalar scalar:
                if (scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
                    writer.WriteNullValue();
                else
                    writer.WriteStringValue(scalar.Value);
                parser.MoveNext();
                break;
            case MappingStart:
                writer.WriteStartObject();
                parser.MoveNext();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not Scalar key)
                        throw new YamlException(parser.Current!.Start, parser.Current.End, "a mapping key must be a scalar");
                    writer.WritePropertyName(key.Value);
                    parser.MoveNext();
                    WriteNode(parser, writer, depth + 1, maxDepth);
                }
                writer.WriteEndObject();
                break;
            case SequenceStart:
                writer.WriteStartArray();
                parser.MoveNext();
                while (!parser.TryConsume<SequenceEnd>(out _))
                    WriteNode(parser, writer, depth + 1, maxDepth);
                writer.WriteEndArray();
                break;
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, $"alias *{alias.Value} refused: OSV records do not use YAML aliases");
            default:
                throw new YamlException(parser.Current!.Start, parser.Current.End, $"unexpected {parser.Current.GetType().Name}");
        }
    }
}
