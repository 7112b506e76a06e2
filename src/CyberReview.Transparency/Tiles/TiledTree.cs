using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// Roots and proofs of a tree whose hashes are kept as tiles (<see cref="ITileHashes"/>): a node of tree level h is
/// the root of at most 128 hashes of tile level h / 8, so nothing is ever recomputed from the leaves.
/// </summary>
public static class TiledTree
{
    /// <summary>The hash of a perfect subtree.</summary>
    /// <param name="hashes">Where the tile hashes are.</param>
    /// <param name="node">The subtree; it lies wholly inside the tree <paramref name="hashes"/> holds.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The node's hash.</returns>
    public static async ValueTask<MerkleHash> NodeAsync(ITileHashes hashes, MerkleNodeId node, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var below = node.Level % TilePath.Height;
        var stored = await hashes.ReadAsync(node.Level / TilePath.Height, node.Index << below, 1 << below, cancellationToken);
        return below == 0 ? stored[0] : MerkleTree.ComputeRoot([.. stored]);
    }

    /// <summary>The compact range (and so the root) of the first <paramref name="size"/> leaves.</summary>
    /// <param name="hashes">Where the tile hashes are.</param>
    /// <param name="size">The tree size.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The range.</returns>
    public static async ValueTask<CompactRange> RangeAsync(ITileHashes hashes, ulong size, CancellationToken cancellationToken)
    {
        var nodes = CompactRange.NodesOf(size);
        var nodeHashes = new MerkleHash[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
            nodeHashes[i] = await NodeAsync(hashes, nodes[i], cancellationToken);
        return CompactRange.Restore(size, nodeHashes);
    }

    /// <summary>The inclusion proof of a leaf in the tree of <paramref name="size"/> leaves.</summary>
    /// <param name="hashes">Where the tile hashes are.</param>
    /// <param name="index">The leaf's index.</param>
    /// <param name="size">The tree size; above <paramref name="index"/>.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The proof.</returns>
    public static async ValueTask<InclusionProof> InclusionAsync(ITileHashes hashes, ulong index, ulong size, CancellationToken cancellationToken)
    {
        var plan = InclusionProof.Plan(index, size);
        return new InclusionProof(index, size, plan.BuildPath(await NodesAsync(hashes, plan, cancellationToken)));
    }

    /// <summary>The consistency proof from the tree of <paramref name="first"/> leaves to that of <paramref name="second"/>.</summary>
    /// <param name="hashes">Where the tile hashes of the larger tree are.</param>
    /// <param name="first">The earlier size.</param>
    /// <param name="second">The later size; at least <paramref name="first"/>.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The proof.</returns>
    public static async ValueTask<ConsistencyProof> ConsistencyAsync(ITileHashes hashes, ulong first, ulong second, CancellationToken cancellationToken)
    {
        var plan = ConsistencyProof.Plan(first, second);
        return new ConsistencyProof(first, second, plan.BuildPath(await NodesAsync(hashes, plan, cancellationToken)));
    }

    private static async ValueTask<MerkleHash[]> NodesAsync(ITileHashes hashes, ProofPlan plan, CancellationToken cancellationToken)
    {
        var nodeHashes = new MerkleHash[plan.Nodes.Length];
        for (var i = 0; i < nodeHashes.Length; i++)
            nodeHashes[i] = await NodeAsync(hashes, plan.Nodes[i], cancellationToken);
        return nodeHashes;
    }
}
