using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using YamlDotNet.Core;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// Reads one OSV record, JSON or YAML (told apart by content: a JSON record starts with '{'), checks it against the
/// schema and the OSV linter's offline rules (<see cref="OsvLinter"/>), and never throws for bad content: the
/// result says what is wrong.
/// </summary>
public static class OsvReader
{
    /// <summary>Reads a record from a stream, at most <see cref="AdvisoryReadOptions.MaxRecordBytes"/> of it.</summary>
    /// <param name="stream">The record; read to its end, not closed.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="options">The bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    public static AdvisoryReadResult Read(Stream stream, string source, AdvisoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= AdvisoryReadOptions.Default;
        using var buffer = new MemoryStream();
        try
        {
            new BoundedReadStream(stream, options.MaxRecordBytes, () => new InvalidDataException($"larger than {options.MaxRecordBytes} bytes")).CopyTo(buffer);
        }
        catch (InvalidDataException exception)
        {
            return Refused(source, $"the record is {exception.Message}");
        }
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source, options);
    }

    /// <summary>Reads a record from a stream asynchronously, at most <see cref="AdvisoryReadOptions.MaxRecordBytes"/> of it.</summary>
    /// <param name="stream">The record; read to its end, not closed.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="options">The bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async Task<AdvisoryReadResult> ReadAsync(Stream stream, string source, AdvisoryReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= AdvisoryReadOptions.Default;
        using var buffer = new MemoryStream();
        try
        {
            await new BoundedReadStream(stream, options.MaxRecordBytes, () => new InvalidDataException($"larger than {options.MaxRecordBytes} bytes"))
                .CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            return Refused(source, $"the record is {exception.Message}");
        }
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source, options);
    }

    /// <summary>Reads a record held in memory (UTF-8, with or without a byte order mark).</summary>
    /// <param name="utf8">The record's bytes.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="options">The bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    public static AdvisoryReadResult Read(ReadOnlyMemory<byte> utf8, string source, AdvisoryReadOptions? options = null)
    {
        options ??= AdvisoryReadOptions.Default;
        if (utf8.Length > options.MaxRecordBytes)
            return Refused(source, $"the record is larger than {options.MaxRecordBytes} bytes");
        var bytes = utf8.Span.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
        if (!Utf8.IsValid(bytes.Span))
            return Refused(source, "the record is not valid UTF-8");

        if (FirstSignificant(bytes.Span) == '{')
            return ReadJson(bytes, source, options);

        byte[] json;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.Span);
            json = OsvYaml.ToJson(text, options.MaxDepth);
        }
        // YamlDotNet throws ArgumentException for a malformed tag ("Global tags must be valid URIs", found by fuzzing).
        catch (Exception exception) when (exception is YamlException or DecoderFallbackException or InvalidOperationException or ArgumentException)
        {
            return Refused(source, $"not readable as YAML: {exception.Message}");
        }
        return ReadJson(json, source, options);
    }

    private static AdvisoryReadResult ReadJson(ReadOnlyMemory<byte> json, string source, AdvisoryReadOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException exception)
        {
            return Refused(source, $"not readable as JSON: {exception.Message}");
        }

        using (document)
        {
            Advisory? advisory;
            List<AdvisoryProblem> problems;
            try
            {
                (advisory, problems) = OsvRecordReader.Read(document.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // A string escape that is no Unicode (a lone surrogate) only shows when the string is read.
                return Refused(source, $"not readable as JSON text: {exception.Message}");
            }
            if (advisory is not null)
                problems.AddRange(OsvLinter.Check(advisory));
            var accepted = advisory is not null && problems.TrueForAll(problem => problem.Rule.Kind switch
            {
                OsvRuleKind.Required => false,
                OsvRuleKind.Quality => !options.RefuseLintFindings,
                OsvRuleKind.Advice => true,
            });
            return new AdvisoryReadResult(source, advisory, problems, accepted);
        }
    }

    private static AdvisoryReadResult Refused(string source, string message) =>
        new(source, null, [new AdvisoryProblem(OsvRule.Syntax, message)], IsAccepted: false);

    private static int FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return b;
        }
        return -1;
    }
}
