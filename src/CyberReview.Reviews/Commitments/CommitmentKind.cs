namespace CyberReview.Reviews.Commitments;

/// <summary>
/// The enterprise commitments of Art. 3. The first three are what the final measures require of suppliers to
/// critical information infrastructure; the office can ask for any other in its own words.
/// </summary>
public enum CommitmentKind
{
    /// <summary>Not to collect user data illegally.</summary>
    NoIllegalDataCollection,
    /// <summary>Not to control or manipulate users' systems and devices illegally.</summary>
    NoIllegalControl,
    /// <summary>Not to interrupt supply or necessary technical support without justification.</summary>
    NoUnjustifiedInterruption,
    /// <summary>A commitment the office words for this case.</summary>
    Other,
}
