using System.Collections.Immutable;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

/// <summary>
/// A proof that the leaf at <see cref="LeafIndex"/> is in the tree of <see cref="TreeSize"/> leaves:
/// the audit path of RFC 9162 §2.1.3, the sibling hashes from the leaf up to the root.
/// </summary>
/// <remarks>
/// <para>Invariants: <see cref="LeafIndex"/> &lt; <see cref="TreeSize"/>, and <see cref="Path"/> holds
/// exactly as many hashes as a proof for that index and size has (at most 64). A value that exists is
/// well formed; whether it is true is for <see cref="Verify(in MerkleHash, in MerkleHash)"/> to say.</para>
/// <para>The default value is not a proof (its tree size is 0) and never verifies.</para>
/// <para>To check a proof received as raw bytes, use the static
/// <see cref="Verify(ulong, ulong, ReadOnlySpan{byte}, IReadOnlyList{byte[]}, ReadOnlySpan{byte})"/>.</para>
/// </remarks>
public readonly partial struct InclusionProof : IEquatable<InclusionProof>
{
    private readonly ImmutableArray<MerkleHash> _path;

    /// <summary>Creates a proof from its parts, checking its shape but not its hashes.</summary>
    /// <param name="leafIndex">The index of the leaf, from 0.</param>
    /// <param name="treeSize">The number of leaves in the tree.</param>
    /// <param name="path">The audit path, lowest sibling first.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leafIndex"/> is not below <paramref name="treeSize"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is default or has the wrong number of hashes for the index and size.</exception>
    public InclusionProof(ulong leafIndex, ulong treeSize, ImmutableArray<MerkleHash> path)
    {
        ThrowIfNotALeaf(leafIndex, treeSize);
        if (path.IsDefault)
            throw new ArgumentException("The path is a default (uninitialized) array.", nameof(path));
        var expected = ProofPlan.InclusionPathLength(leafIndex, treeSize);
        if (path.Length != expected)
            throw new ArgumentException($"The inclusion path of leaf {leafIndex} in a tree of {treeSize} has {expected} hashes, not {path.Length}.", nameof(path));
        LeafIndex = leafIndex;
        TreeSize = treeSize;
        _path = path;
    }

    /// <summary>The index of the leaf, from 0; below <see cref="TreeSize"/>.</summary>
    public ulong LeafIndex { get; }

    /// <summary>The number of leaves in the tree the proof is for.</summary>
    public ulong TreeSize { get; }

    /// <summary>The audit path: the sibling hashes from the leaf up to the root, lowest first.</summary>
    public ImmutableArray<MerkleHash> Path => _path.IsDefault ? [] : _path;

    /// <summary>The nodes whose hashes an inclusion proof for this leaf and tree size is made of.</summary>
    /// <param name="leafIndex">The index of the leaf, from 0.</param>
    /// <param name="treeSize">The number of leaves in the tree.</param>
    /// <returns>The plan; fetch its nodes' hashes and pass them to <see cref="ProofPlan.BuildPath"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leafIndex"/> is not below <paramref name="treeSize"/>.</exception>
    public static ProofPlan Plan(ulong leafIndex, ulong treeSize)
    {
        ThrowIfNotALeaf(leafIndex, treeSize);
        return ProofPlan.ForInclusion(leafIndex, treeSize);
    }

    /// <summary>
    /// Generates the proof for one leaf of the tree whose leaf hashes are all in memory, in O(n) time.
    /// </summary>
    /// <param name="leafHashes">Every leaf hash of the tree, in log order; the tree size is their count.</param>
    /// <param name="leafIndex">The index of the leaf to prove.</param>
    /// <returns>The proof.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="leafIndex"/> is not below the number of leaf hashes.</exception>
    public static InclusionProof FromLeaves(ReadOnlySpan<MerkleHash> leafHashes, ulong leafIndex)
    {
        var treeSize = (ulong)leafHashes.Length;
        var path = Plan(leafIndex, treeSize).BuildPathFromLeaves(leafHashes);
        return new InclusionProof(leafIndex, treeSize, path);
    }

    /// <inheritdoc/>
    public bool Equals(InclusionProof other) =>
        LeafIndex == other.LeafIndex && TreeSize == other.TreeSize && Path.AsSpan().SequenceEqual(other.Path.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is InclusionProof other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(LeafIndex, TreeSize, Path.Length == 0 ? default : Path[0]);

    /// <summary>Whether two proofs are for the same leaf and size with the same path.</summary>
    public static bool operator ==(InclusionProof left, InclusionProof right) => left.Equals(right);

    /// <summary>Whether two proofs differ in leaf, size or path.</summary>
    public static bool operator !=(InclusionProof left, InclusionProof right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"inclusion proof of leaf {LeafIndex} in a tree of {TreeSize} ({Path.Length} hashes)";

    private static void ThrowIfNotALeaf(ulong leafIndex, ulong treeSize)
    {
        if (leafIndex >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex, $"A tree of {treeSize} leaves has no leaf {leafIndex}.");
    }
}
