using System.Collections.Immutable;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

/// <summary>
/// A proof that the tree of <see cref="SecondSize"/> leaves extends the tree of <see cref="FirstSize"/>
/// leaves, so the log only appended: the consistency path of RFC 9162 §2.1.4.
/// </summary>
/// <remarks>
/// <para>Invariants: 0 &lt; <see cref="FirstSize"/> ≤ <see cref="SecondSize"/>, and <see cref="Path"/> holds
/// exactly as many hashes as a proof between those sizes has (none when the sizes are equal, at most 65).
/// A proof from the empty tree cannot be made: it would say nothing. A value that exists is well formed;
/// whether it is true is for <see cref="Verify(in MerkleHash, in MerkleHash)"/> to say.</para>
/// <para>The default value is not a proof (its sizes are 0) and never verifies.</para>
/// <para>To check a proof received as raw bytes, use the static
/// <see cref="Verify(ulong, ulong, IReadOnlyList{byte[]}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</para>
/// </remarks>
public readonly partial struct ConsistencyProof : IEquatable<ConsistencyProof>
{
    private readonly ImmutableArray<MerkleHash> _path;

    /// <summary>Creates a proof from its parts, checking its shape but not its hashes.</summary>
    /// <param name="firstSize">The size of the older tree; at least 1.</param>
    /// <param name="secondSize">The size of the newer tree; at least <paramref name="firstSize"/>.</param>
    /// <param name="path">The consistency path.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstSize"/> is 0, or <paramref name="secondSize"/> is less than <paramref name="firstSize"/>.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is default or has the wrong number of hashes for the sizes.</exception>
    public ConsistencyProof(ulong firstSize, ulong secondSize, ImmutableArray<MerkleHash> path)
    {
        ThrowIfNotAGrowth(firstSize, secondSize);
        if (path.IsDefault)
            throw new ArgumentException("The path is a default (uninitialized) array.", nameof(path));
        var expected = ProofPlan.ConsistencyPathLength(firstSize, secondSize);
        if (path.Length != expected)
            throw new ArgumentException($"The consistency path from {firstSize} to {secondSize} leaves has {expected} hashes, not {path.Length}.", nameof(path));
        FirstSize = firstSize;
        SecondSize = secondSize;
        _path = path;
    }

    /// <summary>The size of the older tree; at least 1.</summary>
    public ulong FirstSize { get; }

    /// <summary>The size of the newer tree; at least <see cref="FirstSize"/>.</summary>
    public ulong SecondSize { get; }

    /// <summary>The consistency path.</summary>
    public ImmutableArray<MerkleHash> Path => _path.IsDefault ? [] : _path;

    /// <summary>The nodes whose hashes a consistency proof between these sizes is made of.</summary>
    /// <param name="firstSize">The size of the older tree; at least 1.</param>
    /// <param name="secondSize">The size of the newer tree; at least <paramref name="firstSize"/>.</param>
    /// <returns>The plan; fetch its nodes' hashes and pass them to <see cref="ProofPlan.BuildPath"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstSize"/> is 0, or <paramref name="secondSize"/> is less than <paramref name="firstSize"/>.
    /// </exception>
    public static ProofPlan Plan(ulong firstSize, ulong secondSize)
    {
        ThrowIfNotAGrowth(firstSize, secondSize);
        return ProofPlan.ForConsistency(firstSize, secondSize);
    }

    /// <summary>
    /// Generates the proof that the tree whose leaf hashes are all in memory extends its first
    /// <paramref name="firstSize"/> leaves, in O(n) time.
    /// </summary>
    /// <param name="leafHashes">Every leaf hash of the newer tree, in log order; its size is their count.</param>
    /// <param name="firstSize">The size of the older tree; from 1 to the number of leaf hashes.</param>
    /// <returns>The proof.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstSize"/> is 0 or more than the number of leaf hashes.</exception>
    public static ConsistencyProof FromLeaves(ReadOnlySpan<MerkleHash> leafHashes, ulong firstSize)
    {
        var secondSize = (ulong)leafHashes.Length;
        var path = Plan(firstSize, secondSize).BuildPathFromLeaves(leafHashes);
        return new ConsistencyProof(firstSize, secondSize, path);
    }

    /// <inheritdoc/>
    public bool Equals(ConsistencyProof other) =>
        FirstSize == other.FirstSize && SecondSize == other.SecondSize && Path.AsSpan().SequenceEqual(other.Path.AsSpan());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConsistencyProof other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FirstSize, SecondSize, Path.Length == 0 ? default : Path[0]);

    /// <summary>Whether two proofs are between the same sizes with the same path.</summary>
    public static bool operator ==(ConsistencyProof left, ConsistencyProof right) => left.Equals(right);

    /// <summary>Whether two proofs differ in either size or in the path.</summary>
    public static bool operator !=(ConsistencyProof left, ConsistencyProof right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => $"consistency proof from {FirstSize} to {SecondSize} leaves ({Path.Length} hashes)";

    private static void ThrowIfNotAGrowth(ulong firstSize, ulong secondSize)
    {
        if (firstSize == 0)
            throw new ArgumentOutOfRangeException(nameof(firstSize), firstSize, "A consistency proof from the empty tree says nothing; the first size must be at least 1.");
        if (secondSize < firstSize)
            throw new ArgumentOutOfRangeException(nameof(secondSize), secondSize, $"A tree of {firstSize} leaves cannot grow into one of {secondSize}.");
    }
}
