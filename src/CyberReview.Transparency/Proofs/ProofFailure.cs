namespace CyberReview.Transparency.Proofs;

/// <summary>Why a proof failed to verify; carried by <see cref="ProofVerificationException.Failure"/>.</summary>
public enum ProofFailure
{
    /// <summary>A leaf hash or a hash in the path is not 32 bytes long, so it cannot be a SHA-256 hash.</summary>
    MalformedHash = 1,

    /// <summary>The leaf index is not below the tree size; the empty tree contains no leaf at all.</summary>
    LeafIndexOutOfRange,

    /// <summary>A consistency proof claims that a tree grew into a smaller one.</summary>
    SizesOutOfOrder,

    /// <summary>
    /// A consistency proof starts from the empty tree. Every tree extends the empty tree, so such a proof
    /// says nothing, and it is refused rather than accepted vacuously (even from size 0 to size 0).
    /// </summary>
    EmptyFirstTree,

    /// <summary>The path does not hold the number of hashes the sizes and index call for.</summary>
    WrongPathLength,

    /// <summary>A root the proof leads to is not the root that was supplied.</summary>
    RootMismatch,
}
