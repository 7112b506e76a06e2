using System.Text.Json;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// The transparency-dev/merkle proof cases in shared/data/merkle-test-vectors/transparency-dev-merkle-testdata:
/// one JSON file per case, hashes in base64, kept as raw bytes because many cases are deliberately malformed.
/// </summary>
internal static class ProofVectors
{
    public const string Inclusion = "merkle-test-vectors/transparency-dev-merkle-testdata/inclusion";
    public const string Consistency = "merkle-test-vectors/transparency-dev-merkle-testdata/consistency";
    public const string Missing = "(shared test data not found)";

    /// <summary>
    /// The case files under a folder, relative to it, for theory data. When the data is absent this is one
    /// placeholder row, whose test then skips (or fails on CI) through <see cref="SharedData.Folder"/>.
    /// </summary>
    public static TheoryData<string> Cases(string folder)
    {
        var path = SharedData.Find(folder);
        if (path is null)
            return [Missing];
        return [.. Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(path, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }

    public static InclusionCase ReadInclusion(string relativeFile)
    {
        using var document = Open(Inclusion, relativeFile);
        var json = document.RootElement;
        return new InclusionCase(
            json.GetProperty("leafIdx").GetUInt64(),
            json.GetProperty("treeSize").GetUInt64(),
            json.GetProperty("leafHash").GetBytesFromBase64(),
            ReadPath(json.GetProperty("proof")),
            json.GetProperty("root").GetBytesFromBase64(),
            json.GetProperty("wantErr").GetBoolean());
    }

    public static ConsistencyCase ReadConsistency(string relativeFile)
    {
        using var document = Open(Consistency, relativeFile);
        var json = document.RootElement;
        return new ConsistencyCase(
            json.GetProperty("size1").GetUInt64(),
            json.GetProperty("size2").GetUInt64(),
            ReadPath(json.GetProperty("proof")),
            json.GetProperty("root1").GetBytesFromBase64(),
            json.GetProperty("root2").GetBytesFromBase64(),
            json.GetProperty("wantErr").GetBoolean());
    }

    private static JsonDocument Open(string folder, string relativeFile) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(SharedData.Require(folder), relativeFile)));

    // Go writes an empty proof as null.
    private static byte[][] ReadPath(JsonElement proof) =>
        proof.ValueKind == JsonValueKind.Null ? [] : [.. proof.EnumerateArray().Select(hash => hash.GetBytesFromBase64())];
}
