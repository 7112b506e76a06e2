using System.IO.Compression;
using System.Text;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Reads an SBOM, deciding what it is from its content, never its file name: gzip is inflated transparently;
/// JSON, XML and SPDX tag-value are told apart by their first characters; CycloneDX and SPDX by their markers.
/// </summary>
/// <remarks>
/// Read: CycloneDX 1.2–1.7 JSON and 1.0–1.7 XML (checked against the schema of their version), SPDX 2.2/2.3 JSON
/// and tag-value, SPDX 3.0 JSON-LD. The input is streamed: only one top-level value (one component, one package)
/// is held at a time besides the model, so memory follows the model, not the file.
/// </remarks>
public static class SbomReader
{
    private const int SniffLength = 1024;

    /// <summary>Reads a document from a stream (which is read to its end, not closed).</summary>
    /// <param name="stream">The document, possibly gzipped.</param>
    /// <param name="options">Limits; <see cref="SbomReadOptions.Default"/> when null.</param>
    /// <returns>The SBOM.</returns>
    /// <exception cref="SbomFormatException">
    /// The document is not an SBOM read here, is malformed, breaks its schema, or exceeds a limit; the message says
    /// which and where.
    /// </exception>
    public static Sbom Read(Stream stream, SbomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= SbomReadOptions.Default;
        return Read(stream, options, inflated: false);
    }

    /// <summary>Reads a document from a file (its name plays no part in deciding what it is).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits; <see cref="SbomReadOptions.Default"/> when null.</param>
    /// <returns>The SBOM.</returns>
    /// <exception cref="SbomFormatException">As for <see cref="Read(Stream, SbomReadOptions?)"/>.</exception>
    public static Sbom ReadFile(string path, SbomReadOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    private static Sbom Read(Stream source, SbomReadOptions options, bool inflated)
    {
        var head = new byte[SniffLength];
        var length = 0;
        int n;
        while (length < head.Length && (n = source.Read(head, length, head.Length - length)) > 0)
            length += n;
        var prefix = head.AsMemory(0, length);
        var input = new BoundedStream(source, prefix, options.MaxBytes);
        if (length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            if (inflated)
                throw new SbomFormatException(SbomRefusal.NotAnSbom, "The gzip stream holds another gzip stream; one level of compression is read.");
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            try
            {
                return Read(gzip, options, inflated: true);
            }
            catch (InvalidDataException e)
            {
                throw new SbomFormatException(SbomRefusal.Malformed, $"The gzip data is damaged: {e.Message}", inner: e);
            }
        }
        var start = prefix.Span;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            start = start[3..];
        start = start.TrimStart(" \t\r\n"u8);
        if (start.IsEmpty)
            throw new SbomFormatException(SbomRefusal.NotAnSbom, "The input is empty.");
        switch (start[0])
        {
            case (byte)'{' or (byte)'[':
                try
                {
                    return new JsonSbomReader(SkipBom(input, prefix.Span), options).Read();
                }
                // A value of another JSON type than the reader expects, or a string that is not UTF-8, surfaces from
                // System.Text.Json as InvalidOperationException (found by fuzzing): the document's fault, not ours.
                catch (InvalidOperationException e) when (e.TargetSite?.Module.Assembly != typeof(SbomReader).Assembly)
                {
                    throw new SbomFormatException(SbomRefusal.Malformed, $"The JSON cannot be read as an SBOM: {e.Message}", inner: e);
                }
            case (byte)'<':
                return new XmlSbomReader(input, options).Read();
            default:
                if (IsTagValue(start))
                    return new TagValueSbomReader(input, options).Read();
                if (IsSpdxYaml(start))
                    throw new SbomFormatException(SbomRefusal.Unsupported, "The content is an SPDX document in YAML; SPDX is read as JSON (2.2, 2.3, 3.0) or tag-value.");
                throw new SbomFormatException(SbomRefusal.NotAnSbom, $"The content is neither JSON, XML nor SPDX tag-value; it starts with '{Printable(start)}'.");
        }
    }

    /// <summary>Utf8JsonReader refuses a byte-order mark; a UTF-8 one is dropped.</summary>
    private static Stream SkipBom(Stream input, ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            Span<byte> bom = stackalloc byte[3];
            input.ReadExactly(bom);
        }
        return input;
    }

    private static bool IsTagValue(ReadOnlySpan<byte> start)
    {
        var text = Encoding.UTF8.GetString(start);
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
                continue;
            return trimmed.StartsWith("SPDXVersion:", StringComparison.Ordinal) || trimmed.StartsWith("DataLicense:", StringComparison.Ordinal)
                || trimmed.StartsWith("SPDXID:", StringComparison.Ordinal) || trimmed.StartsWith("DocumentName:", StringComparison.Ordinal);
        }
        return false;
    }

    private static bool IsSpdxYaml(ReadOnlySpan<byte> start)
    {
        var text = Encoding.UTF8.GetString(start);
        return text.Contains("spdxVersion:", StringComparison.Ordinal) || (text.StartsWith("---", StringComparison.Ordinal) && text.Contains("SPDXID:", StringComparison.Ordinal));
    }

    private static string Printable(ReadOnlySpan<byte> start)
    {
        var text = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 24)]);
        return new string([.. text.Select(c => char.IsControl(c) ? '.' : c)]);
    }
}
