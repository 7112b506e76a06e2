namespace CyberReview.Reviews.Cases;

/// <summary>
/// How far a review has come, as told to those outside the case who started it (a CII operator, a member of the
/// public): the stage only, never the case's material.
/// </summary>
public enum ReviewProgress
{
    /// <summary>The office is screening whether a review is required.</summary>
    Screening,
    /// <summary>Screening found no review required.</summary>
    NotRequired,
    /// <summary>Evaluation, expert review or decision are under way.</summary>
    UnderReview,
    /// <summary>A decision was taken (its publication follows the decided visibility, in the registry).</summary>
    Decided,
    /// <summary>The review was withdrawn before a decision.</summary>
    Withdrawn,
}

public static class ReviewProgresses
{
    /// <summary>The stage a case's state shows to outsiders; every state has exactly one.</summary>
    public static ReviewProgress Of(CaseState state) => state switch
    {
        CaseState.Draft or CaseState.Submitted or CaseState.Screening => ReviewProgress.Screening,
        CaseState.NotRequired => ReviewProgress.NotRequired,
        CaseState.Evaluation or CaseState.AwaitingProvider or CaseState.ExpertReview or CaseState.Escalated => ReviewProgress.UnderReview,
        CaseState.Decided or CaseState.Published or CaseState.Suspended or CaseState.Revoked or CaseState.Expired or CaseState.Superseded => ReviewProgress.Decided,
        CaseState.Withdrawn => ReviewProgress.Withdrawn,
    };
}
