using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Institutions;

/// <summary>
/// What one designation lets an institution evaluate, and when: the activity kinds and product kinds it covers,
/// from <see cref="From"/> to <see cref="Until"/> (both days included), unless the office ended it early.
/// </summary>
/// <param name="EndedOn">The first day on which the office's ending took effect; null while it stands.</param>
public sealed record DesignationTerms(DateOnly From, DateOnly Until, IReadOnlySet<ActivityKind> Activities, IReadOnlySet<ProductKind> ProductKinds, DateOnly? EndedOn = null)
{
    /// <summary>Whether the office ended the designation (as opposed to letting it run to its last day).</summary>
    public bool Ended => EndedOn is not null;

    /// <summary>The last day on which the designation is in force: the day before it was ended, or <see cref="Until"/>.</summary>
    public DateOnly LastDay => EndedOn is { } ended && ended <= Until ? ended.AddDays(-1) : Until;

    /// <summary>Whether the institution is designated under these terms on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) => From <= day && day <= LastDay;

    /// <summary>Where the designation stands on <paramref name="day"/>.</summary>
    public DesignationStatus StatusOn(DateOnly day) =>
        EndedOn is { } ended && day >= ended ? DesignationStatus.Ended
        : day < From ? DesignationStatus.Upcoming
        : day <= Until ? DesignationStatus.InForce
        : DesignationStatus.Expired;

    /// <summary>Whether these terms are in force on any day from <paramref name="from"/> to <paramref name="until"/>.</summary>
    public bool Overlaps(DateOnly from, DateOnly until) => From <= until && from <= LastDay && From <= LastDay;
}

/// <summary>Where a designation stands on a given day.</summary>
public enum DesignationStatus
{
    /// <summary>Its first day is still to come.</summary>
    Upcoming,
    InForce,
    /// <summary>It ran to its last day.</summary>
    Expired,
    /// <summary>The office ended it early.</summary>
    Ended,
}
