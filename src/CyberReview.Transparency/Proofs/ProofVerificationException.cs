namespace CyberReview.Transparency.Proofs;

/// <summary>
/// Thrown when an inclusion or consistency proof does not prove what it claims. Verification in this
/// library returns normally when a proof holds and throws this exception when it does not; it never
/// answers with a flag that a caller could forget to check.
/// </summary>
/// <remarks>
/// Every way in which untrusted proof data can be wrong (sizes, index, lengths, hashes) ends here, never
/// in an <see cref="ArgumentException"/>; those are kept for programming errors such as a null path.
/// </remarks>
public sealed class ProofVerificationException : Exception
{
    /// <summary>Creates an exception for a proof that failed for <paramref name="failure"/>.</summary>
    /// <param name="failure">Why the proof failed.</param>
    /// <param name="message">The details, naming the sizes, index or lengths involved.</param>
    public ProofVerificationException(ProofFailure failure, string message)
        : base(message) => Failure = failure;

    /// <summary>Why the proof failed.</summary>
    public ProofFailure Failure { get; }
}
