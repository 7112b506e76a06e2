using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Conflicts;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Institutions;

/// <summary>Everything the rule needs to know about assigning one institution to one case, read by the caller.</summary>
/// <param name="State">Where the case stands.</param>
/// <param name="ProviderId">The case's provider.</param>
/// <param name="CaseProductKinds">The kinds of the products whose versions the case reviews.</param>
/// <param name="InstitutionId">The institution's organisation.</param>
/// <param name="Activities">The activity kinds the institution is to carry out in this case.</param>
/// <param name="AlreadyAssigned">Whether the institution is assigned to the case now.</param>
/// <param name="Designations">All of the institution's designations, ended or not.</param>
/// <param name="EvaluatorTies">For each of the institution's evaluators, their standing declared ties with the case's provider.</param>
/// <param name="Day">The day of the assignment, in the review's time zone.</param>
public sealed record ProposedAssignment(
    CaseState State,
    Guid ProviderId,
    IReadOnlySet<ProductKind> CaseProductKinds,
    Guid InstitutionId,
    IReadOnlySet<ActivityKind> Activities,
    bool AlreadyAssigned,
    IReadOnlyList<DesignationTerms> Designations,
    IReadOnlyList<IReadOnlyList<DeclaredTie>> EvaluatorTies,
    DateOnly Day);

/// <summary>
/// Whether the office may assign an institution to evaluate a case (Measures, Art. 7): only a designated
/// institution, on a day its designation stands, for activities and products its designation covers, and
/// never one that the conflict-of-interest rule rules out, itself or through any of its evaluators.
/// </summary>
public static class AssignmentRule
{
    /// <summary>The first reason, in the order a reader would check them, why the assignment is refused; null when it may be made.</summary>
    public static AssignmentRefusal? Check(IReadOnlyCollection<CaseActor> parts, ProposedAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (CheckPart(parts, assignment.State) is { } notYours)
            return notYours;
        if (assignment.AlreadyAssigned)
            return new AssignmentRefusal.AlreadyAssigned();
        if (assignment.Activities.Count == 0)
            return new AssignmentRefusal.NoActivity();
        // The same rule that keeps a provider's staff off its panels keeps the provider off its own evaluation.
        if (ConflictRule.Check(assignment.InstitutionId, [], assignment.ProviderId) is not null)
            return new AssignmentRefusal.SameOrganisation();

        var inForce = assignment.Designations.Where(d => d.InForceOn(assignment.Day)).ToList();
        if (inForce.Count == 0)
            return NotInForce(assignment.Designations, assignment.Day);
        var activities = inForce.SelectMany(d => d.Activities).ToHashSet();
        if (assignment.Activities.Where(a => !activities.Contains(a)).Order().ToList() is { Count: > 0 } missingActivities)
            return new AssignmentRefusal.ActivitiesNotCovered(missingActivities);
        var productKinds = inForce.SelectMany(d => d.ProductKinds).ToHashSet();
        if (assignment.CaseProductKinds.Where(k => !productKinds.Contains(k)).Order().ToList() is { Count: > 0 } missingKinds)
            return new AssignmentRefusal.ProductKindsNotCovered(missingKinds);

        var conflicted = assignment.EvaluatorTies.Count(ties => ConflictRule.Check(assignment.InstitutionId, ties, assignment.ProviderId) is not null);
        return conflicted > 0 ? new AssignmentRefusal.EvaluatorsConflicted(conflicted) : null;
    }

    /// <summary>Why the assignment may not be taken back now, or null. (Later: not once the institution has submitted anything.)</summary>
    public static AssignmentRefusal? CheckUnassignment(IReadOnlyCollection<CaseActor> parts, CaseState state) => CheckPart(parts, state);

    private static AssignmentRefusal? CheckPart(IReadOnlyCollection<CaseActor> parts, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Any(p => CaseOperations.Allows(p, CaseOperation.AssignInstitutions, state)))
            return null;
        return parts.Contains(CaseActor.Office) ? new AssignmentRefusal.NotNow(state) : new AssignmentRefusal.NotYourPart();
    }

    // The most telling reason: the designation that lapsed last, else the one still to come, else none at all.
    private static AssignmentRefusal NotInForce(IReadOnlyList<DesignationTerms> designations, DateOnly day)
    {
        if (designations.Where(d => d.LastDay < day).OrderByDescending(d => d.LastDay).FirstOrDefault() is { } lapsed)
            return lapsed.EndedOn is { } ended ? new AssignmentRefusal.DesignationEnded(ended) : new AssignmentRefusal.DesignationExpired(lapsed.Until);
        return designations.Where(d => d.From > day && d.From <= d.LastDay).OrderBy(d => d.From).FirstOrDefault() is { } coming
            ? new AssignmentRefusal.NotYetDesignated(coming.From)
            : new AssignmentRefusal.NotDesignated();
    }
}

/// <summary>Why an institution may not be assigned to a case, or the assignment not taken back.</summary>
public abstract record AssignmentRefusal
{
    private AssignmentRefusal() { }

    /// <summary>Only the case's office handlers assign institutions.</summary>
    public sealed record NotYourPart : AssignmentRefusal;

    /// <summary>Institutions are assigned while the case is being evaluated, not in this state.</summary>
    public sealed record NotNow(CaseState State) : AssignmentRefusal;

    /// <summary>The institution is assigned to the case already; take it back first to change its activities.</summary>
    public sealed record AlreadyAssigned : AssignmentRefusal;

    /// <summary>The assignment names no activity for the institution to carry out.</summary>
    public sealed record NoActivity : AssignmentRefusal;

    /// <summary>The institution is the provider itself.</summary>
    public sealed record SameOrganisation : AssignmentRefusal;

    /// <summary>The institution has never been designated (or every designation was ended before it began).</summary>
    public sealed record NotDesignated : AssignmentRefusal;

    /// <summary>The institution's designation begins on a later day.</summary>
    public sealed record NotYetDesignated(DateOnly From) : AssignmentRefusal;

    /// <summary>The institution's designation ran out after this day.</summary>
    public sealed record DesignationExpired(DateOnly LastDay) : AssignmentRefusal;

    /// <summary>The office ended the institution's designation, from this day.</summary>
    public sealed record DesignationEnded(DateOnly On) : AssignmentRefusal;

    /// <summary>The designation does not cover these activity kinds.</summary>
    public sealed record ActivitiesNotCovered(IReadOnlyList<ActivityKind> Missing) : AssignmentRefusal;

    /// <summary>The designation does not cover these kinds of product, which the case reviews.</summary>
    public sealed record ProductKindsNotCovered(IReadOnlyList<ProductKind> Missing) : AssignmentRefusal;

    /// <summary>This many of the institution's evaluators have a standing declared tie with the provider.</summary>
    public sealed record EvaluatorsConflicted(int Count) : AssignmentRefusal;
}
