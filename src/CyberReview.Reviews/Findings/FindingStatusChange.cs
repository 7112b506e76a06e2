namespace CyberReview.Reviews.Findings;

/// <summary>One allowed change of a finding's status, and whether it must be explained.</summary>
/// <param name="From">The status the finding has.</param>
/// <param name="To">The status it moves to.</param>
/// <param name="ReasonRequired">Whether the person making the change must write why.</param>
public sealed record FindingStatusChange(FindingStatus From, FindingStatus To, bool ReasonRequired);
