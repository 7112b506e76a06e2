namespace CyberReview.Reviews.Evaluation;

/// <summary>Why an activity's status may not change as asked.</summary>
public abstract record ActivityStatusRefusal
{
    private ActivityStatusRefusal() { }

    /// <summary>The activity already has this status; a change to the same status is refused, not ignored.</summary>
    public sealed record Unchanged(ActivityStatus Status) : ActivityStatusRefusal;

    /// <summary>No such change exists; <paramref name="Allowed"/> lists where the activity can go from here.</summary>
    public sealed record NotAllowed(ActivityStatus From, ActivityStatus To, IReadOnlyList<ActivityStatus> Allowed) : ActivityStatusRefusal;

    /// <summary>The change exists but must be explained, and no reason was given.</summary>
    public sealed record ReasonRequired(ActivityStatus From, ActivityStatus To) : ActivityStatusRefusal;

    /// <summary>An activity is completed only with its results recorded.</summary>
    public sealed record ResultsRequired : ActivityStatusRefusal;
}
