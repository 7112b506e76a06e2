using static CyberReview.Reviews.Evaluation.ActivityStatus;

namespace CyberReview.Reviews.Evaluation;

/// <summary>
/// The one table of how an evaluation activity's status may change, and what may be edited in each status.
/// <see cref="Check"/> is the only judge: a change that is not in the table, or lacks what the table asks for,
/// gets a typed refusal, never a silent no-op.
/// </summary>
/// <remarks>
/// Calling an activity off and reopening a completed one must be explained: the evaluators are accountable for
/// what they did not do and for results they revisit (Measures, Art. 12). A cancelled activity stays cancelled;
/// work taken up again is a new activity with its own plan.
/// </remarks>
public static class ActivityStatusRules
{
    /// <summary>Every allowed change.</summary>
    public static readonly IReadOnlyList<ActivityStatusChange> Changes =
    [
        new(Planned, InProgress, ReasonRequired: false, ResultsRequired: false),
        new(Planned, Cancelled, ReasonRequired: true, ResultsRequired: false),
        new(InProgress, Completed, ReasonRequired: false, ResultsRequired: true),
        new(InProgress, Cancelled, ReasonRequired: true, ResultsRequired: false),
        // Reopened, for example to test the provider's fixed build again.
        new(Completed, InProgress, ReasonRequired: true, ResultsRequired: false),
    ];

    private static readonly Dictionary<(ActivityStatus From, ActivityStatus To), ActivityStatusChange> ByPair =
        Changes.ToDictionary(change => (change.From, change.To));

    /// <summary>The change from one status to another, or null when the table has none.</summary>
    public static ActivityStatusChange? Find(ActivityStatus from, ActivityStatus to) => ByPair.GetValueOrDefault((from, to));

    /// <summary>The statuses an activity can move to from this one, in table order.</summary>
    public static IReadOnlyList<ActivityStatus> AllowedFrom(ActivityStatus from) =>
        [.. Changes.Where(change => change.From == from).Select(change => change.To)];

    /// <summary>
    /// Why the activity may not move from <paramref name="from"/> to <paramref name="to"/>, or null when the change
    /// is allowed. A reason or results that are blank count as none.
    /// </summary>
    public static ActivityStatusRefusal? Check(ActivityStatus from, ActivityStatus to, string? reason, string? results)
    {
        if (from == to)
            return new ActivityStatusRefusal.Unchanged(from);
        if (Find(from, to) is not { } change)
            return new ActivityStatusRefusal.NotAllowed(from, to, AllowedFrom(from));
        if (change.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            return new ActivityStatusRefusal.ReasonRequired(from, to);
        if (change.ResultsRequired && string.IsNullOrWhiteSpace(results))
            return new ActivityStatusRefusal.ResultsRequired();
        return null;
    }

    /// <summary>Whether the plan may change: before and during the work, not after it ended.</summary>
    public static bool MayEditPlan(ActivityStatus status) => status switch
    {
        Planned or InProgress => true,
        Completed or Cancelled => false,
    };

    /// <summary>Whether results may be recorded: while the work goes on; a completed activity is reopened first.</summary>
    public static bool MayRecordResults(ActivityStatus status) => status switch
    {
        InProgress => true,
        Planned or Completed or Cancelled => false,
    };

    /// <summary>Whether the activity still has work ahead of it (an evaluation report waits for it).</summary>
    public static bool IsUnfinished(ActivityStatus status) => status switch
    {
        Planned or InProgress => true,
        Completed or Cancelled => false,
    };
}
