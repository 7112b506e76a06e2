using System.IO.Compression;
using System.Text.Json;
using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Vex;

/// <summary>
/// Reads a VEX document in any of the three formats, told apart by content (never by file name): an OpenVEX
/// <c>@context</c>, a CycloneDX <c>bomFormat</c>, or a CSAF <c>document.csaf_version</c>. Gzipped input is
/// recognised by its magic bytes.
/// </summary>
public static class VexReader
{
    /// <summary>The largest document read, in bytes after decompression.</summary>
    public const long MaxDocumentBytes = 512L * 1024 * 1024;

    private const int MaxDepth = 128;

    /// <summary>Reads the document in a file.</summary>
    /// <param name="path">The file; may be gzipped.</param>
    /// <exception cref="VexFormatException">The content is not a VEX document of a known format, or breaks it.</exception>
    public static VexDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads a document from a stream (read to its end, not closed).</summary>
    /// <param name="stream">The document; may be gzipped.</param>
    /// <exception cref="VexFormatException">The content is not a VEX document of a known format, or breaks it.</exception>
    public static VexDocument Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? null : new MemoryStream();
        if (copy is not null)
        {
            // Sniffing the gzip magic needs to look back; a forward-only stream is read into memory first, within the bound.
            new BoundedReadStream(stream, MaxDocumentBytes, TooLarge).CopyTo(copy);
            copy.Position = 0;
        }
        var input = copy ?? stream;
        Span<byte> magic = stackalloc byte[2];
        var start = input.Position;
        var gzipped = input.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        input.Position = start;

        using var content = gzipped ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : null;
        var bounded = new BoundedReadStream(content ?? input, MaxDocumentBytes, TooLarge);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bounded, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            throw new VexFormatException($"The document is not readable JSON: {exception.Message}", exception);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // JSON strings are decoded when read: invalid UTF-8 or a lone surrogate escape shows only then.
                throw new VexFormatException($"The document holds text that is not valid Unicode: {exception.Message}", exception);
            }
        }
    }

    private static VexFormatException TooLarge() => new($"The document is larger than {MaxDocumentBytes} bytes.");

    /// <summary>Reads a parsed document.</summary>
    /// <param name="root">The document's root.</param>
    /// <exception cref="VexFormatException">The content is not a VEX document of a known format, or breaks it.</exception>
    public static VexDocument Read(JsonElement root) => Sniff(root) switch
    {
        VexFormat.OpenVex => OpenVexReader.Read(root),
        VexFormat.CycloneDx => CycloneDxVexReader.Read(root),
        VexFormat.Csaf => CsafVexReader.Read(root),
        null => throw new VexFormatException("The document is not OpenVEX (no openvex.dev @context), CycloneDX (no bomFormat) or CSAF (no document.csaf_version)."),
    };

    /// <summary>The format of a parsed document by its content, or null when it is none of the three.</summary>
    /// <param name="root">The document's root.</param>
    public static VexFormat? Sniff(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return null;
        if (VexJson.String(root, "@context") is { } context && context.StartsWith("https://openvex.dev/ns", StringComparison.Ordinal))
            return VexFormat.OpenVex;
        if (VexJson.String(root, "bomFormat") == "CycloneDX")
            return VexFormat.CycloneDx;
        if (VexJson.Object(root, "document") is { } document && VexJson.String(document, "csaf_version") is not null)
            return VexFormat.Csaf;
        return null;
    }
}
