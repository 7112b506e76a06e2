namespace CyberReview.Reviews.Findings;

/// <summary>Where a finding stands; <see cref="FindingStatusRules"/> says which changes are allowed.</summary>
public enum FindingStatus
{
    /// <summary>Recorded and not yet dealt with.</summary>
    Open,

    /// <summary>The provider has fixed or reduced the problem; waiting for the evaluator to confirm.</summary>
    Mitigated,

    /// <summary>The risk remains and has been accepted, with written reasons (and usually a condition in the decision).</summary>
    Accepted,

    /// <summary>Dealt with: mitigation verified, acceptance settled, or the finding withdrawn with reasons.</summary>
    Closed,
}
