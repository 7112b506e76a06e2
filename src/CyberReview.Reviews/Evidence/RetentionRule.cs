using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.Evidence;

/// <summary>
/// When a case's evidence may be destroyed: once the case is closed (a state from which nothing more happens to
/// it) and its retention period, counted from the closing, has passed; never under a legal hold. A published
/// result is not closed: it can still be suspended, revoked or superseded, and its evidence stands behind it.
/// </summary>
public static class RetentionRule
{
    /// <summary>Whether nothing more happens to a case in <paramref name="state"/>.</summary>
    public static bool IsClosed(CaseState state) => CaseWorkflow.IsFinal(state);

    /// <summary>When the retention period of a case closed at <paramref name="closedAt"/> ends.</summary>
    public static DateTimeOffset RetainedUntil(DateTimeOffset closedAt, int retentionYears) => closedAt.AddYears(retentionYears);

    /// <summary>Why the evidence of the case may not be destroyed at <paramref name="now"/>, or null when it may.</summary>
    public static RetentionRefusal? CheckDestruction(CaseState state, DateTimeOffset? closedAt, int retentionYears, bool legalHold, bool destroyed, DateTimeOffset now)
    {
        if (destroyed)
            return new RetentionRefusal.AlreadyDestroyed();
        if (legalHold)
            return new RetentionRefusal.UnderLegalHold();
        if (!IsClosed(state) || closedAt is null)
            return new RetentionRefusal.NotClosed(state);
        var until = RetainedUntil(closedAt.Value, retentionYears);
        return now < until ? new RetentionRefusal.PeriodRunning(until) : null;
    }
}

/// <summary>Why a case's evidence may not be destroyed.</summary>
public abstract record RetentionRefusal
{
    private RetentionRefusal() { }

    /// <summary>The case is still open (or published): its evidence is still needed.</summary>
    public sealed record NotClosed(CaseState State) : RetentionRefusal;

    /// <summary>The retention period runs until <paramref name="Until"/>.</summary>
    public sealed record PeriodRunning(DateTimeOffset Until) : RetentionRefusal;

    /// <summary>A legal hold keeps the evidence whatever the period says.</summary>
    public sealed record UnderLegalHold : RetentionRefusal;

    /// <summary>The evidence is gone already.</summary>
    public sealed record AlreadyDestroyed : RetentionRefusal;
}
