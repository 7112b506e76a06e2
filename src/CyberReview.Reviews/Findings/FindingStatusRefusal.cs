namespace CyberReview.Reviews.Findings;

/// <summary>Why a finding's status may not change as asked.</summary>
public abstract record FindingStatusRefusal
{
    private FindingStatusRefusal() { }

    /// <summary>The finding already has this status; a change to the same status is refused, not ignored.</summary>
    public sealed record Unchanged(FindingStatus Status) : FindingStatusRefusal;

    /// <summary>No such change exists; <paramref name="Allowed"/> lists where the finding can go from here.</summary>
    public sealed record NotAllowed(FindingStatus From, FindingStatus To, IReadOnlyList<FindingStatus> Allowed) : FindingStatusRefusal;

    /// <summary>The change exists but must be explained, and no reason was given.</summary>
    public sealed record ReasonRequired(FindingStatus From, FindingStatus To) : FindingStatusRefusal;
}
