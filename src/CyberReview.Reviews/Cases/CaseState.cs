namespace CyberReview.Reviews.Cases;

/// <summary>Where a review case stands. <see cref="CaseWorkflow"/> holds every way from one state to another.</summary>
public enum CaseState
{
    /// <summary>A provider's application being prepared; only the provider sees it.</summary>
    Draft,
    Submitted,
    Screening,
    /// <summary>Screening found that no review is required; the reasons are kept.</summary>
    NotRequired,
    Evaluation,
    /// <summary>Waiting for the provider's answer to an information request; the clock stops.</summary>
    AwaitingProvider,
    ExpertReview,
    /// <summary>The panel did not agree; the committee decides (the special procedure).</summary>
    Escalated,
    Decided,
    Published,
    Withdrawn,
    Suspended,
    Revoked,
    Expired,
    Superseded,
}
