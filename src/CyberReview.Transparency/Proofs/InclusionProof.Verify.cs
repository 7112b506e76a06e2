using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

public readonly partial struct InclusionProof
{
    /// <summary>
    /// Verifies that the leaf with <paramref name="leafHash"/> is at <see cref="LeafIndex"/> in the tree
    /// of <see cref="TreeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    /// <param name="leafHash">The leaf's hash (see <see cref="MerkleHash.OfLeaf"/>).</param>
    /// <param name="root">The root of the tree of <see cref="TreeSize"/> leaves, from a signed tree head.</param>
    /// <exception cref="ProofVerificationException">The proof does not hold; <see cref="ProofVerificationException.Failure"/> says why.</exception>
    public void Verify(in MerkleHash leafHash, in MerkleHash root)
    {
        Span<byte> rootBytes = stackalloc byte[MerkleHash.Size];
        root.CopyTo(rootBytes);
        VerifyPath(LeafIndex, TreeSize, leafHash, Path.AsSpan(), rootBytes);
    }

    /// <summary>
    /// Verifies an inclusion proof received as bytes, by the algorithm of RFC 9162 §2.1.3.2: that the leaf
    /// with <paramref name="leafHash"/> is at <paramref name="leafIndex"/> in the tree of
    /// <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.
    /// </summary>
    /// <remarks>
    /// The path commits to the tree size only through its shape: a proof for one size can also verify
    /// under a nearby size that gives the leaf the same path, against the same root. That is why the size
    /// and the root must come together from one signed tree head.
    /// </remarks>
    /// <param name="leafIndex">The claimed index of the leaf.</param>
    /// <param name="treeSize">The size of the tree, from a signed tree head.</param>
    /// <param name="leafHash">The leaf's hash; must be 32 bytes.</param>
    /// <param name="path">The audit path, lowest sibling first; each hash must be 32 bytes.</param>
    /// <param name="root">The root of the tree, from a signed tree head. It is compared, not parsed: a root
    /// that is not 32 bytes matches nothing and fails with <see cref="ProofFailure.RootMismatch"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ProofVerificationException">
    /// The proof does not hold: the leaf hash or a path hash is not 32 bytes (<see cref="ProofFailure.MalformedHash"/>),
    /// the index is not below the size (<see cref="ProofFailure.LeafIndexOutOfRange"/>), the path is too short or too
    /// long (<see cref="ProofFailure.WrongPathLength"/>), or it leads to another root (<see cref="ProofFailure.RootMismatch"/>).
    /// </exception>
    public static void Verify(ulong leafIndex, ulong treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!MerkleHash.TryCreate(leafHash, out var leaf))
            throw new ProofVerificationException(ProofFailure.MalformedHash, $"The leaf hash is {leafHash.Length} bytes, not {MerkleHash.Size}.");
        EncodedPath.ThrowIfTooLong(path);
        Span<MerkleHash> hashes = stackalloc MerkleHash[path.Count];
        EncodedPath.Decode(path, hashes);
        VerifyPath(leafIndex, treeSize, leaf, hashes, root);
    }

    private static void VerifyPath(ulong leafIndex, ulong treeSize, in MerkleHash leafHash, ReadOnlySpan<MerkleHash> path, ReadOnlySpan<byte> root)
    {
        if (leafIndex >= treeSize)
            throw new ProofVerificationException(ProofFailure.LeafIndexOutOfRange, $"A tree of {treeSize} leaves has no leaf {leafIndex}.");
        // fn walks up from the leaf and sn from the tree's last leaf; where they meet, the path ends.
        var fn = leafIndex;
        var sn = treeSize - 1;
        var hash = leafHash;
        foreach (var sibling in path)
        {
            if (sn == 0)
                throw WrongLength(leafIndex, treeSize, path.Length);
            if ((fn & 1) == 1 || fn == sn)
            {
                hash = MerkleHash.OfNode(sibling, hash);
                // On the right edge, skip the levels where this subtree has no right sibling.
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                hash = MerkleHash.OfNode(hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0)
            throw WrongLength(leafIndex, treeSize, path.Length);
        if (!hash.Matches(root))
            throw new ProofVerificationException(ProofFailure.RootMismatch, $"The path for leaf {leafIndex} leads to root {hash}, not to the root given for the tree of {treeSize}.");
    }

    private static ProofVerificationException WrongLength(ulong leafIndex, ulong treeSize, int length) =>
        new(ProofFailure.WrongPathLength,
            $"The path has {length} hashes; leaf {leafIndex} in a tree of {treeSize} needs {ProofPlan.InclusionPathLength(leafIndex, treeSize)}.");
}
