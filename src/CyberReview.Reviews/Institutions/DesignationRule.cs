namespace CyberReview.Reviews.Institutions;

/// <summary>
/// How the office designates institutions (Measures, Art. 7): a designation names what the institution may
/// evaluate and for how long; it is renewed by a new designation that follows it, or ended early. Nothing is
/// ever deleted, so each institution's designations are its history, and at most one stands on any day.
/// </summary>
public static class DesignationRule
{
    /// <summary>
    /// Why a new designation with these terms is refused, or null when it may be made.
    /// <paramref name="others"/> are the institution's other designations, ended or not.
    /// </summary>
    public static DesignationRefusal? Check(DesignationTerms proposed, DateOnly today, IEnumerable<DesignationTerms> others)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(others);
        if (proposed.Activities.Count == 0)
            return new DesignationRefusal.NoActivity();
        if (proposed.ProductKinds.Count == 0)
            return new DesignationRefusal.NoProductKind();
        if (proposed.Until < proposed.From)
            return new DesignationRefusal.PeriodOutOfOrder();
        if (proposed.Until < today)
            return new DesignationRefusal.EndsInThePast();
        // Two standing designations on one day would leave the scope of an assignment ambiguous.
        return others.Where(o => o.Overlaps(proposed.From, proposed.Until)).OrderBy(o => o.From).FirstOrDefault() is { } overlap
            ? new DesignationRefusal.Overlaps(overlap.From, overlap.LastDay)
            : null;
    }

    /// <summary>The first day of a renewal: the day after the current designation runs out, or today if it already has.</summary>
    public static DateOnly RenewalStart(DesignationTerms current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        var next = current.Until.AddDays(1);
        return next > today ? next : today;
    }

    /// <summary>
    /// Why <paramref name="current"/> may not be renewed with <paramref name="proposed"/> (which starts on
    /// <see cref="RenewalStart"/>), or null. An ended designation is not renewed: the office designates anew.
    /// </summary>
    public static DesignationRefusal? CheckRenewal(DesignationTerms current, bool alreadyRenewed, DesignationTerms proposed, DateOnly today, IEnumerable<DesignationTerms> others)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.EndedOn is { } ended)
            return new DesignationRefusal.Ended(ended);
        if (alreadyRenewed)
            return new DesignationRefusal.AlreadyRenewed();
        return Check(proposed, today, others);
    }

    /// <summary>Why <paramref name="current"/> may not be ended today, or null. Ending takes effect at once: from today it no longer stands.</summary>
    public static DesignationRefusal? CheckEnd(DesignationTerms current, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.EndedOn is { } ended)
            return new DesignationRefusal.Ended(ended);
        return current.LastDay < today ? new DesignationRefusal.Expired(current.LastDay) : null;
    }
}

/// <summary>Why a designation, a renewal or an ending is refused.</summary>
public abstract record DesignationRefusal
{
    private DesignationRefusal() { }

    /// <summary>A designation covers at least one activity kind.</summary>
    public sealed record NoActivity : DesignationRefusal;

    /// <summary>A designation covers at least one product kind.</summary>
    public sealed record NoProductKind : DesignationRefusal;

    /// <summary>The last day comes before the first.</summary>
    public sealed record PeriodOutOfOrder : DesignationRefusal;

    /// <summary>The whole period is over already.</summary>
    public sealed record EndsInThePast : DesignationRefusal;

    /// <summary>Another designation of the institution stands on some of these days; renew or end it instead.</summary>
    public sealed record Overlaps(DateOnly From, DateOnly Until) : DesignationRefusal;

    /// <summary>The designation was ended, from this day.</summary>
    public sealed record Ended(DateOnly On) : DesignationRefusal;

    /// <summary>The designation has been renewed already; the renewal is the one to renew or end.</summary>
    public sealed record AlreadyRenewed : DesignationRefusal;

    /// <summary>The designation ran out on this day; there is nothing left to end.</summary>
    public sealed record Expired(DateOnly LastDay) : DesignationRefusal;
}
