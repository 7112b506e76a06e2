namespace CyberReview.Reviews.Evaluation;

/// <summary>One allowed change of an activity's status, and what it needs.</summary>
/// <param name="From">The status the activity has.</param>
/// <param name="To">The status it moves to.</param>
/// <param name="ReasonRequired">Whether the person making the change must write why.</param>
/// <param name="ResultsRequired">Whether the activity's results must be recorded first.</param>
public sealed record ActivityStatusChange(ActivityStatus From, ActivityStatus To, bool ReasonRequired, bool ResultsRequired);
