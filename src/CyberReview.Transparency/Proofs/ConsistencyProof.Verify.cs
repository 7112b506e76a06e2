using System.Numerics;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

public readonly partial struct ConsistencyProof
{
    /// <summary>
    /// Verifies that the tree of <see cref="SecondSize"/> leaves with root <paramref name="secondRoot"/>
    /// extends the tree of <see cref="FirstSize"/> leaves with root <paramref name="firstRoot"/>.
    /// </summary>
    /// <param name="firstRoot">The root of the older tree, from a signed tree head.</param>
    /// <param name="secondRoot">The root of the newer tree, from a signed tree head.</param>
    /// <exception cref="ProofVerificationException">The proof does not hold; <see cref="ProofVerificationException.Failure"/> says why.</exception>
    public void Verify(in MerkleHash firstRoot, in MerkleHash secondRoot)
    {
        Span<byte> roots = stackalloc byte[2 * MerkleHash.Size];
        firstRoot.CopyTo(roots);
        secondRoot.CopyTo(roots[MerkleHash.Size..]);
        VerifyPath(FirstSize, SecondSize, Path.AsSpan(), roots[..MerkleHash.Size], roots[MerkleHash.Size..]);
    }

    /// <summary>
    /// Verifies a consistency proof received as bytes, by the algorithm of RFC 9162 §2.1.4.2: that the tree
    /// of <paramref name="secondSize"/> leaves with root <paramref name="secondRoot"/> extends the tree of
    /// <paramref name="firstSize"/> leaves with root <paramref name="firstRoot"/>.
    /// </summary>
    /// <remarks>
    /// Equal sizes need an empty path and identical roots. A first size of 0 always fails, even towards
    /// size 0: a proof from the empty tree says nothing. Roots are compared, not parsed, so a root that is
    /// not 32 bytes fails with <see cref="ProofFailure.RootMismatch"/> unless the sizes are equal and the
    /// two roots are the same bytes.
    /// </remarks>
    /// <param name="firstSize">The size of the older tree, from a signed tree head.</param>
    /// <param name="secondSize">The size of the newer tree, from a signed tree head.</param>
    /// <param name="path">The consistency path; each hash must be 32 bytes.</param>
    /// <param name="firstRoot">The root of the older tree.</param>
    /// <param name="secondRoot">The root of the newer tree.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ProofVerificationException">
    /// The proof does not hold: the second size is smaller (<see cref="ProofFailure.SizesOutOfOrder"/>), the first
    /// is 0 (<see cref="ProofFailure.EmptyFirstTree"/>), a path hash is not 32 bytes (<see cref="ProofFailure.MalformedHash"/>),
    /// the path is too short or too long (<see cref="ProofFailure.WrongPathLength"/>), or it leads to other roots
    /// (<see cref="ProofFailure.RootMismatch"/>).
    /// </exception>
    public static void Verify(ulong firstSize, ulong secondSize, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        EncodedPath.ThrowIfTooLong(path);
        Span<MerkleHash> hashes = stackalloc MerkleHash[path.Count];
        EncodedPath.Decode(path, hashes);
        VerifyPath(firstSize, secondSize, hashes, firstRoot, secondRoot);
    }

    private static void VerifyPath(ulong firstSize, ulong secondSize, ReadOnlySpan<MerkleHash> path, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot)
    {
        if (secondSize < firstSize)
            throw new ProofVerificationException(ProofFailure.SizesOutOfOrder, $"A tree of {firstSize} leaves cannot grow into one of {secondSize}.");
        if (firstSize == 0)
            throw new ProofVerificationException(ProofFailure.EmptyFirstTree, "A consistency proof from the empty tree says nothing and is refused.");
        if (firstSize == secondSize)
        {
            if (!path.IsEmpty)
                throw WrongLength(firstSize, secondSize, path.Length);
            if (!firstRoot.SequenceEqual(secondRoot))
                throw new ProofVerificationException(ProofFailure.RootMismatch, $"Two trees of {firstSize} leaves have different roots.");
            return;
        }
        if (path.IsEmpty)
            throw WrongLength(firstSize, secondSize, 0);

        // When the old tree is perfect, its root is the path's missing first hash (RFC 9162 §2.1.4.2 step 2).
        MerkleHash seed;
        if (BitOperations.IsPow2(firstSize))
        {
            if (!MerkleHash.TryCreate(firstRoot, out seed))
                throw new ProofVerificationException(ProofFailure.RootMismatch, $"The first root is {firstRoot.Length} bytes; no tree has such a root.");
        }
        else
        {
            seed = path[0];
            path = path[1..];
        }

        // fn walks up from the old tree's last leaf and sn from the new tree's; fr rebuilds the old root
        // and sr the new one.
        var fn = firstSize - 1;
        var sn = secondSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = seed;
        var sr = seed;
        foreach (var hash in path)
        {
            if (sn == 0)
                throw WrongLength(firstSize, secondSize, PathLengthAsSent(firstSize, path.Length));
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.OfNode(hash, fr);
                sr = MerkleHash.OfNode(hash, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.OfNode(sr, hash);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
            throw WrongLength(firstSize, secondSize, PathLengthAsSent(firstSize, path.Length));
        if (!fr.Matches(firstRoot))
            throw new ProofVerificationException(ProofFailure.RootMismatch, $"The path leads to root {fr} for the tree of {firstSize}, not to the root given.");
        if (!sr.Matches(secondRoot))
            throw new ProofVerificationException(ProofFailure.RootMismatch, $"The path leads to root {sr} for the tree of {secondSize}, not to the root given.");
    }

    // The loop runs over the path without its first hash when the old tree is not perfect.
    private static int PathLengthAsSent(ulong firstSize, int remaining) => BitOperations.IsPow2(firstSize) ? remaining : remaining + 1;

    private static ProofVerificationException WrongLength(ulong firstSize, ulong secondSize, int length) =>
        new(ProofFailure.WrongPathLength,
            $"The path has {length} hashes; a proof from {firstSize} to {secondSize} leaves needs {ProofPlan.ConsistencyPathLength(firstSize, secondSize)}.");
}
