namespace CyberReview.Transparency.Merkle;

/// <summary>
/// Names a perfect subtree of a Merkle tree: the <see cref="LeafCount"/> = 2^<see cref="Level"/> leaves
/// from <see cref="FirstLeaf"/> on, where <see cref="FirstLeaf"/> = <see cref="Index"/> × 2^<see cref="Level"/>.
/// </summary>
/// <remarks>
/// <para>Level 0 is the leaves themselves; node (level + 1, i) has children (level, 2i) and (level, 2i + 1).
/// A node's hash does not depend on the size of the tree that contains it, once the tree holds all its
/// leaves, so a log can store each node hash once and serve every later tree size from it.</para>
/// <para>Invariants: 0 ≤ <see cref="Level"/> ≤ <see cref="MaxLevel"/>, and <see cref="FirstLeaf"/> does
/// not overflow 64 bits. The default value is the first leaf, (0, 0).</para>
/// </remarks>
public readonly record struct MerkleNodeId
{
    /// <summary>The highest level a node can have in a tree of at most 2^64 − 1 leaves.</summary>
    public const int MaxLevel = 63;

    /// <summary>Names the node at <paramref name="level"/> with position <paramref name="index"/> in that level.</summary>
    /// <param name="level">The height above the leaves, from 0 to <see cref="MaxLevel"/>.</param>
    /// <param name="index">The position among the nodes of that level, counted from 0 at the left.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="level"/> is outside 0 to <see cref="MaxLevel"/>, or the node's first leaf would lie past 2^64 − 1.
    /// </exception>
    public MerkleNodeId(int level, ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        if (index > ulong.MaxValue >> level)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"At level {level} a node index is at most {ulong.MaxValue >> level}.");
        Level = level;
        Index = index;
    }

    /// <summary>The height above the leaves: 0 for a leaf, 1 for a pair of leaves, and so on.</summary>
    public int Level { get; }

    /// <summary>The position among the nodes of this level, counted from 0 at the left.</summary>
    public ulong Index { get; }

    /// <summary>The index of the first leaf under this node.</summary>
    public ulong FirstLeaf => Index << Level;

    /// <summary>The number of leaves under this node: 2^<see cref="Level"/>.</summary>
    public ulong LeafCount => 1UL << Level;
}
