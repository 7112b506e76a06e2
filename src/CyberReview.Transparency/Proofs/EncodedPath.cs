using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Proofs;

/// <summary>Turns a proof path received as byte arrays into hashes, refusing what cannot be one.</summary>
internal static class EncodedPath
{
    /// <summary>No proof in a tree of at most 2^64 − 1 leaves is longer (a consistency proof's first node plus 64 levels).</summary>
    public const int MaxLength = 65;

    public static void ThrowIfTooLong(IReadOnlyList<byte[]> path)
    {
        if (path.Count > MaxLength)
            throw new ProofVerificationException(ProofFailure.WrongPathLength, $"The path has {path.Count} hashes; no proof has more than {MaxLength}.");
    }

    public static void Decode(IReadOnlyList<byte[]> path, Span<MerkleHash> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            var bytes = path[i];
            if (!MerkleHash.TryCreate(bytes, out destination[i]))
                throw new ProofVerificationException(ProofFailure.MalformedHash, $"Path hash {i} is {bytes?.Length ?? 0} bytes, not {MerkleHash.Size}.");
        }
    }
}
