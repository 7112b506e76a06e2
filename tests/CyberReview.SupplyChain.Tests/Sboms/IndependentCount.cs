using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>
/// Counts a document's components the plain way (a whole DOM, no streaming, nothing shared with the reader), so
/// that the reader's counts are checked against a second opinion: CycloneDX components at any nesting outside
/// metadata, SPDX 2 packages, SPDX 3 software_Package elements.
/// </summary>
internal static class IndependentCount
{
    public static int Components(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var first = bytes.SkipWhile(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0xEF or 0xBB or 0xBF).First();
        if (first == (byte)'<')
        {
            var document = XDocument.Load(new MemoryStream(bytes));
            var ns = document.Root!.Name.Namespace;
            return document.Root.Element(ns + "components")?.Descendants(ns + "component").Count() ?? 0;
        }
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        if (root.TryGetProperty("packages", out var packages))
            return packages.GetArrayLength();
        if (root.TryGetProperty("@graph", out var graph))
            return graph.EnumerateArray().Count(e => e.TryGetProperty("type", out var t) && t.GetString() == "software_Package");
        return root.TryGetProperty("components", out var components) ? Nested(components) : 0;
    }

    private static int Nested(JsonElement components) =>
        components.EnumerateArray().Sum(c => 1 + (c.TryGetProperty("components", out var inner) ? Nested(inner) : 0));
}
