using System.Collections.Immutable;
using System.Numerics;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

/// <summary>
/// The perfect subtrees whose hashes make up one inclusion or consistency proof, so that a log can
/// fetch them from wherever it keeps node hashes (a table, tiles, a cache) and then assemble the path.
/// </summary>
/// <remarks>
/// <para>Get a plan from <see cref="InclusionProof.Plan"/> or <see cref="ConsistencyProof.Plan"/>. Every
/// node in <see cref="Nodes"/> lies wholly inside the tree the proof is for, so its hash is fixed once
/// that many leaves exist.</para>
/// <para>Most path hashes are one node each. The one exception is a subtree on the right edge of a tree
/// whose size is not a power of two: it is not perfect, so the plan lists the perfect subtrees it splits
/// into and <see cref="BuildPath"/> hashes them together. Hence <see cref="PathLength"/> can be less than
/// the number of nodes.</para>
/// </remarks>
public sealed class ProofPlan
{
    // Nodes[_foldStart .. _foldStart + _foldCount) make up one path hash, combined from the right.
    private readonly int _foldStart;
    private readonly int _foldCount;

    private ProofPlan(ImmutableArray<MerkleNodeId> nodes, int foldStart, int foldCount)
    {
        Nodes = nodes;
        _foldStart = foldStart;
        _foldCount = foldCount;
    }

    /// <summary>The nodes whose hashes the proof needs, in the order <see cref="BuildPath"/> takes them.</summary>
    public ImmutableArray<MerkleNodeId> Nodes { get; }

    /// <summary>The number of hashes in the path <see cref="BuildPath"/> returns.</summary>
    public int PathLength => Nodes.Length - Math.Max(0, _foldCount - 1);

    /// <summary>Assembles the proof's path from the hashes of <see cref="Nodes"/>.</summary>
    /// <param name="nodeHashes">The hash of each node in <see cref="Nodes"/>, in the same order.</param>
    /// <returns>The path, bottom of the tree first, as <see cref="InclusionProof"/> and <see cref="ConsistencyProof"/> hold it.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodeHashes"/> does not hold one hash per node.</exception>
    public ImmutableArray<MerkleHash> BuildPath(ReadOnlySpan<MerkleHash> nodeHashes)
    {
        if (nodeHashes.Length != Nodes.Length)
            throw new ArgumentException($"The plan has {Nodes.Length} nodes; got {nodeHashes.Length} hashes.", nameof(nodeHashes));
        var path = ImmutableArray.CreateBuilder<MerkleHash>(PathLength);
        var foldEnd = _foldStart + _foldCount;
        for (var i = 0; i < nodeHashes.Length; i++)
        {
            if (i < _foldStart || i >= foldEnd)
            {
                path.Add(nodeHashes[i]);
                continue;
            }
            var edge = nodeHashes[foldEnd - 1];
            for (var j = foldEnd - 2; j >= _foldStart; j--)
                edge = MerkleHash.OfNode(nodeHashes[j], edge);
            path.Add(edge);
            i = foldEnd - 1;
        }
        return path.MoveToImmutable();
    }

    /// <summary>Assembles the path, computing each node's hash from the tree's leaf hashes.</summary>
    internal ImmutableArray<MerkleHash> BuildPathFromLeaves(ReadOnlySpan<MerkleHash> leafHashes)
    {
        var nodeHashes = new MerkleHash[Nodes.Length];
        for (var i = 0; i < nodeHashes.Length; i++)
        {
            var node = Nodes[i];
            nodeHashes[i] = MerkleTree.ComputeRoot(leafHashes.Slice((int)node.FirstLeaf, (int)node.LeafCount));
        }
        return BuildPath(nodeHashes);
    }

    /// <summary>
    /// RFC 9162 §2.1.3.1 PATH(m, D[n]) as nodes. Caller ensures <paramref name="leafIndex"/> &lt; <paramref name="treeSize"/>.
    /// </summary>
    internal static ProofPlan ForInclusion(ulong leafIndex, ulong treeSize)
    {
        var nodes = ImmutableArray.CreateBuilder<MerkleNodeId>();
        AddPathOf(nodes, level: 0, leafIndex, treeSize, out var foldStart, out var foldCount);
        return new ProofPlan(nodes.DrainToImmutable(), foldStart, foldCount);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.1 PROOF(m, D[n]) as nodes. Caller ensures 0 &lt; <paramref name="firstSize"/> ≤ <paramref name="secondSize"/>.
    /// </summary>
    internal static ProofPlan ForConsistency(ulong firstSize, ulong secondSize)
    {
        if (firstSize == secondSize)
            return new ProofPlan([], 0, 0);
        var nodes = ImmutableArray.CreateBuilder<MerkleNodeId>();
        // The old tree ends with the perfect subtree (level, index); the proof is that node, then its
        // path in the new tree. When the old tree is itself perfect, the node is its root, which the
        // verifier already holds, so it is left out.
        var level = BitOperations.TrailingZeroCount(firstSize);
        var index = (firstSize - 1) >> level;
        if (index != 0)
            nodes.Add(new MerkleNodeId(level, index));
        AddPathOf(nodes, level, index, secondSize, out var foldStart, out var foldCount);
        return new ProofPlan(nodes.DrainToImmutable(), foldStart, foldCount);
    }

    /// <summary>The number of hashes in an inclusion path. Caller ensures <paramref name="leafIndex"/> &lt; <paramref name="treeSize"/>.</summary>
    internal static int InclusionPathLength(ulong leafIndex, ulong treeSize) => PathLengthOf(leafIndex, treeSize - 1);

    /// <summary>The number of hashes in a consistency path. Caller ensures 0 &lt; <paramref name="firstSize"/> ≤ <paramref name="secondSize"/>.</summary>
    internal static int ConsistencyPathLength(ulong firstSize, ulong secondSize)
    {
        if (firstSize == secondSize)
            return 0;
        var level = BitOperations.TrailingZeroCount(firstSize);
        var index = (firstSize - 1) >> level;
        return (index != 0 ? 1 : 0) + PathLengthOf(index, (secondSize - 1) >> level);
    }

    // Below the level where the paths to the node and to the tree's last leaf part, the node has a
    // sibling at every level; above it, only where the node is a right child.
    private static int PathLengthOf(ulong index, ulong lastIndex)
    {
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ lastIndex);
        return inner + (inner == 64 ? 0 : BitOperations.PopCount(index >> inner));
    }

    /// <summary>
    /// Adds the siblings on the way from node (<paramref name="level"/>, <paramref name="index"/>) to the root
    /// of a tree of <paramref name="treeSize"/> leaves, lowest first.
    /// </summary>
    private static void AddPathOf(
        ImmutableArray<MerkleNodeId>.Builder nodes, int level, ulong index, ulong treeSize, out int foldStart, out int foldCount)
    {
        var lastIndex = (treeSize - 1) >> level;
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ lastIndex);
        foldStart = 0;
        foldCount = 0;
        for (var up = 0; up < inner; up++)
        {
            var sibling = (index >> up) ^ 1;
            if (up < inner - 1)
            {
                nodes.Add(new MerkleNodeId(level + up, sibling));
                continue;
            }
            // The highest inner sibling holds the tree's last leaf, so it may be cut short by the tree's edge.
            foldStart = nodes.Count;
            AddRightEdge(nodes, level + up, sibling, treeSize);
            foldCount = nodes.Count - foldStart;
        }
        for (var up = inner; up < 64 && index >> up != 0; up++)
        {
            if ((index >> up & 1) == 1)
                nodes.Add(new MerkleNodeId(level + up, (index >> up) ^ 1));
        }
    }

    /// <summary>Adds the perfect subtrees that the leaves of node (level, index) below <paramref name="treeSize"/> split into.</summary>
    private static void AddRightEdge(ImmutableArray<MerkleNodeId>.Builder nodes, int level, ulong index, ulong treeSize)
    {
        var firstLeaf = index << level;
        var count = treeSize - firstLeaf;
        if (count >> level != 0)
        {
            nodes.Add(new MerkleNodeId(level, index));
            return;
        }
        for (var below = level - 1; below >= 0; below--)
        {
            if ((count >> below & 1) == 0)
                continue;
            nodes.Add(new MerkleNodeId(below, firstLeaf >> below));
            firstLeaf += 1UL << below;
        }
    }
}
