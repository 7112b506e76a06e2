namespace CyberReview.Reviews.Cases;

/// <summary>
/// The part someone plays in one case. It comes from case membership (the provider's staff, an assigned
/// institution's evaluators, the panel's experts, the case's sector authority, its office handlers), or from
/// the committee's role, never from a role alone.
/// </summary>
public enum CaseActor
{
    Office,
    Committee,
    Provider,
    Evaluator,
    Expert,
    SectorAuthority,
    /// <summary>CyberReview itself: expiry at the end of validity, supersession by a newer result.</summary>
    System,
}
