using System.Collections.Immutable;
using System.Numerics;

namespace CyberReview.Transparency.Merkle;

/// <summary>
/// The state of an append-only Merkle tree, kept in O(log n): the roots of the perfect subtrees that
/// the first <see cref="Size"/> leaves split into, largest first. Append leaves to it one at a time and
/// read the tree's root at any size.
/// </summary>
/// <remarks>
/// <para>Immutable: <see cref="Append"/> returns a new range. An append hashes once per trailing 1 bit of
/// the old size (amortized once per leaf) and copies at most 64 hashes, so it costs O(log n).</para>
/// <para>Invariant: <see cref="Hashes"/> holds one hash per set bit of <see cref="Size"/>; hash i is the
/// node <see cref="NodesOf"/>(<see cref="Size"/>)[i]. The default value is the empty range.</para>
/// </remarks>
public readonly struct CompactRange : IEquatable<CompactRange>
{
    /// <summary>At most one perfect subtree per bit of a 64-bit size.</summary>
    internal const int MaxHashes = 64;

    private readonly ImmutableArray<MerkleHash> _hashes;

    private CompactRange(ulong size, ImmutableArray<MerkleHash> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    /// <summary>The range of the empty tree: size 0, no hashes.</summary>
    public static CompactRange Empty => default;

    /// <summary>The number of leaves appended so far.</summary>
    public ulong Size { get; }

    /// <summary>
    /// The roots of the perfect subtrees covering leaves 0 to <see cref="Size"/> − 1, left to right
    /// (largest first); one per set bit of <see cref="Size"/>. Store them to <see cref="Restore"/> the range later.
    /// </summary>
    public ImmutableArray<MerkleHash> Hashes => _hashes.IsDefault ? [] : _hashes;

    /// <summary>The Merkle Tree Hash of the first <see cref="Size"/> leaves, computed in O(log n) on each read.</summary>
    public MerkleHash Root => Fold(Hashes.AsSpan());

    /// <summary>
    /// The perfect subtrees a range of <paramref name="size"/> leaves holds, in the order of
    /// <see cref="Hashes"/>: the nodes to fetch from a store of node hashes to <see cref="Restore"/> it.
    /// </summary>
    /// <param name="size">A tree size.</param>
    /// <returns>One node per set bit of <paramref name="size"/>, highest level first.</returns>
    public static ImmutableArray<MerkleNodeId> NodesOf(ulong size)
    {
        var nodes = ImmutableArray.CreateBuilder<MerkleNodeId>(BitOperations.PopCount(size));
        var firstLeaf = 0UL;
        for (var level = MerkleNodeId.MaxLevel; level >= 0; level--)
        {
            if ((size >> level & 1) == 0)
                continue;
            nodes.Add(new MerkleNodeId(level, firstLeaf >> level));
            firstLeaf += 1UL << level;
        }
        return nodes.MoveToImmutable();
    }

    /// <summary>Rebuilds a range from its size and the hashes of the nodes <see cref="NodesOf"/> names.</summary>
    /// <param name="size">The number of leaves the range covers.</param>
    /// <param name="hashes">The hashes of <see cref="NodesOf"/>(<paramref name="size"/>), in that order.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="hashes"/> does not hold exactly one hash per set bit of <paramref name="size"/>.
    /// </exception>
    public static CompactRange Restore(ulong size, ReadOnlySpan<MerkleHash> hashes)
    {
        var expected = BitOperations.PopCount(size);
        if (hashes.Length != expected)
            throw new ArgumentException($"A range of {size} leaves holds {expected} hashes, not {hashes.Length}.", nameof(hashes));
        return new CompactRange(size, [.. hashes]);
    }

    /// <summary>Returns the range with one more leaf.</summary>
    /// <param name="leafHash">The new leaf's hash (see <see cref="MerkleHash.OfLeaf"/>).</param>
    /// <returns>A range of <see cref="Size"/> + 1 leaves.</returns>
    /// <exception cref="InvalidOperationException">The range already holds 2^64 − 1 leaves.</exception>
    public CompactRange Append(in MerkleHash leafHash) => AppendRange(new ReadOnlySpan<MerkleHash>(in leafHash));

    /// <summary>Returns the range with these leaves appended in order, in O(k + log n) for k leaves.</summary>
    /// <param name="leafHashes">The new leaves' hashes, in log order.</param>
    /// <returns>A range of <see cref="Size"/> + k leaves.</returns>
    /// <exception cref="InvalidOperationException">The range would hold more than 2^64 − 1 leaves.</exception>
    public CompactRange AppendRange(ReadOnlySpan<MerkleHash> leafHashes)
    {
        if ((ulong)leafHashes.Length > ulong.MaxValue - Size)
            throw new InvalidOperationException($"A Merkle tree holds at most {ulong.MaxValue} leaves; this one has {Size}.");
        if (leafHashes.IsEmpty)
            return this;
        Span<MerkleHash> frontier = stackalloc MerkleHash[MaxHashes];
        var current = Hashes;
        current.CopyTo(frontier);
        var count = current.Length;
        var size = Size;
        foreach (var leafHash in leafHashes)
            count = Push(frontier, count, size++, leafHash);
        return new CompactRange(size, [.. frontier[..count]]);
    }

    /// <summary>
    /// Appends a leaf to a frontier of <paramref name="size"/> leaves held in <paramref name="frontier"/>[..count],
    /// merging the perfect subtrees it completes; returns the new count.
    /// </summary>
    internal static int Push(Span<MerkleHash> frontier, int count, ulong size, in MerkleHash leafHash)
    {
        var node = leafHash;
        // Each trailing 1 bit of the old size is a subtree of the new leaf's size, waiting for a right sibling.
        for (var bits = size; (bits & 1) == 1; bits >>= 1)
            node = MerkleHash.OfNode(frontier[--count], node);
        frontier[count++] = node;
        return count;
    }

    /// <summary>The root over a frontier: the perfect subtrees hashed together from the right.</summary>
    internal static MerkleHash Fold(ReadOnlySpan<MerkleHash> frontier)
    {
        if (frontier.IsEmpty)
            return MerkleHash.EmptyTree;
        var root = frontier[^1];
        for (var i = frontier.Length - 2; i >= 0; i--)
            root = MerkleHash.OfNode(frontier[i], root);
        return root;
    }

    /// <inheritdoc/>
    public bool Equals(CompactRange other) => Size == other.Size && Hashes.AsSpan().SequenceEqual(other.Hashes.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CompactRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Size, Hashes.IsEmpty ? default : Hashes[^1]);

    /// <summary>Whether two ranges cover the same number of leaves with the same hashes.</summary>
    public static bool operator ==(CompactRange left, CompactRange right) => left.Equals(right);

    /// <summary>Whether two ranges differ in size or in any hash.</summary>
    public static bool operator !=(CompactRange left, CompactRange right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"compact range of {Size} leaves, root {Root}";
}
