namespace CyberReview.Transparency.Merkle;

/// <summary>The Merkle Tree Hash (MTH) of RFC 9162 §2.1.1 over leaf hashes held in memory.</summary>
public static class MerkleTree
{
    /// <summary>
    /// Computes the root of the tree whose leaves have these hashes, in O(n) time and O(log n) space,
    /// without recursion.
    /// </summary>
    /// <param name="leafHashes">The leaf hashes (see <see cref="MerkleHash.OfLeaf"/>) in log order.</param>
    /// <returns>The tree's root; <see cref="MerkleHash.EmptyTree"/> when there are no leaves.</returns>
    public static MerkleHash ComputeRoot(ReadOnlySpan<MerkleHash> leafHashes)
    {
        Span<MerkleHash> frontier = stackalloc MerkleHash[CompactRange.MaxHashes];
        var count = 0;
        for (var i = 0; i < leafHashes.Length; i++)
            count = CompactRange.Push(frontier, count, (ulong)i, leafHashes[i]);
        return CompactRange.Fold(frontier[..count]);
    }
}
