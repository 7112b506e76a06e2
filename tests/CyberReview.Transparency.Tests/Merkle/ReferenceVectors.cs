using System.Text.Json;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Merkle;

/// <summary>The classic 8-leaf RFC 6962 vectors in shared/data/merkle-test-vectors/rfc6962-reference-vectors.json.</summary>
internal sealed record ReferenceVectors(
    IReadOnlyList<byte[]> LeafInputs,
    IReadOnlyList<IReadOnlyList<MerkleHash>> NodeHashesByLevel,
    IReadOnlyDictionary<int, MerkleHash> RootsBySize)
{
    public const string Folder = "merkle-test-vectors";

    public MerkleHash[] LeafHashes => [.. NodeHashesByLevel[0]];

    /// <summary>Loads the vectors; skips the test (fails it on CI) when the shared data is absent.</summary>
    public static ReferenceVectors Load()
    {
        var file = Path.Combine(SharedData.Require(Folder), "rfc6962-reference-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        return new ReferenceVectors(
            [.. root.GetProperty("leaf_inputs_hex").EnumerateArray().Select(input => Convert.FromHexString(input.GetString()!))],
            [.. root.GetProperty("node_hashes_hex_by_level").EnumerateArray()
                .Select(level => (IReadOnlyList<MerkleHash>)[.. level.EnumerateArray().Select(hash => MerkleHash.Parse(hash.GetString()))])],
            root.GetProperty("root_hashes_hex_by_tree_size").EnumerateObject()
                .ToDictionary(size => int.Parse(size.Name, System.Globalization.CultureInfo.InvariantCulture), size => MerkleHash.Parse(size.Value.GetString())));
    }
}
