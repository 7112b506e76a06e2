using System.IO.Compression;
using System.Text.Json;

namespace CyberReview.SupplyChain.Tests.Cvss;

/// <summary>A CVSS vector and the base score a publisher computed for it.</summary>
internal sealed record PublishedScore(string Source, string Vector, double BaseScore);

/// <summary>
/// Collects every (vectorString, baseScore) pair from JSON documents in the shared data: NVD CVE records
/// (cvssData), CVE JSON 5 records (cvssV3_x/cvssV4_0) and CSAF documents (scores[].cvss_v3/cvss_v4) all carry them
/// side by side in one object.
/// </summary>
internal static class PublishedScores
{
    public static List<PublishedScore> In(string relativePath)
    {
        var root = SharedData.Require(relativePath);
        var files = File.Exists(root) ? [root] : Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".json", StringComparison.Ordinal) || file.EndsWith(".json.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var pairs = new List<PublishedScore>();
        foreach (var file in files)
        {
            using var stream = Open(file);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
            Collect(Path.GetRelativePath(SharedData.Root!, file), document.RootElement, pairs);
        }
        return pairs;
    }

    public static Stream Open(string file) =>
        file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(File.OpenRead(file), CompressionMode.Decompress) : File.OpenRead(file);

    private static void Collect(string source, JsonElement element, List<PublishedScore> pairs)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("vectorString", out var vector) && vector.ValueKind == JsonValueKind.String
                && vector.GetString()!.StartsWith("CVSS:", StringComparison.Ordinal)
                && element.TryGetProperty("baseScore", out var score) && score.ValueKind == JsonValueKind.Number)
                pairs.Add(new PublishedScore(source, vector.GetString()!, score.GetDouble()));
            foreach (var property in element.EnumerateObject())
                Collect(source, property.Value, pairs);
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Collect(source, item, pairs);
        }
    }
}
