using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;

namespace CyberReview.Reviews.Procurement;

/// <summary>A registry result that covers the version asked about, as the caller may see it.</summary>
/// <param name="EntryId">The registry entry.</param>
/// <param name="Outcome">The decision's outcome.</param>
/// <param name="Status">The entry's status: its case's state (Published, Suspended, Revoked, Expired or Superseded).</param>
/// <param name="PublishedAt">When the entry was published; the newest result in force is the one that counts.</param>
/// <param name="ValidUntil">The last day of validity, if any.</param>
public sealed record CoveringResult(Guid EntryId, ReviewOutcome Outcome, CaseState Status, DateTimeOffset PublishedAt, DateOnly? ValidUntil);

/// <summary>What holds for a product version when it is checked.</summary>
/// <param name="Results">The results covering exactly this version that the caller may see (any order).</param>
/// <param name="ReviewUnderway">Whether a case past Draft and not yet closed names the version, as far as the caller may know.</param>
/// <param name="Today">Today in the review's time zone: a result whose validity ended before today answers Expired even before the hourly expiry sweep moves it.</param>
public sealed record ProcurementFacts(IReadOnlyList<CoveringResult> Results, bool ReviewUnderway, DateOnly Today);

/// <summary>The answer: the verdict and the registry entry it rests on (none for UnderReview and NotReviewed).</summary>
public sealed record ProcurementAnswer(ProcurementVerdict Verdict, Guid? EntryId);

/// <summary>
/// The procurement check's rule. The result that counts is the newest published one that no later decision superseded;
/// it decides whatever its status (a revoked result still says "do not buy" while a new review runs). With no such result, a
/// review under way answers UnderReview, otherwise NotReviewed. A superseded result never counts: whoever may not see
/// the result that replaced it learns nothing from the old one.
/// </summary>
public static class ProcurementRule
{
    /// <summary>The case states in which a review of the version is under way (submitted up to decided, not yet published).</summary>
    public static readonly IReadOnlySet<CaseState> ReviewStates = new HashSet<CaseState>
    {
        CaseState.Submitted, CaseState.Screening, CaseState.Evaluation, CaseState.AwaitingProvider,
        CaseState.ExpertReview, CaseState.Escalated, CaseState.Decided,
    };

    public static ProcurementAnswer Decide(ProcurementFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var standing = facts.Results
            .Where(r => r.Status is CaseState.Published or CaseState.Suspended or CaseState.Revoked or CaseState.Expired)
            .OrderByDescending(r => r.PublishedAt)
            .ThenByDescending(r => r.EntryId)
            .FirstOrDefault();
        if (standing is null)
            return new(facts.ReviewUnderway ? ProcurementVerdict.UnderReview : ProcurementVerdict.NotReviewed, null);
        return new(VerdictOf(standing, facts.Today), standing.EntryId);
    }

    /// <summary>Whether a buyer may go ahead: only on a pass in force (Art. 10 prefers these; everything else calls for caution or refusal).</summary>
    public static bool MayProcure(ProcurementVerdict verdict) => verdict is ProcurementVerdict.Passed or ProcurementVerdict.PassedWithConditions;

    private static ProcurementVerdict VerdictOf(CoveringResult result, DateOnly today) => result.Status switch
    {
        CaseState.Suspended => ProcurementVerdict.Suspended,
        CaseState.Revoked => ProcurementVerdict.Revoked,
        CaseState.Expired => ProcurementVerdict.Expired,
        _ when result.ValidUntil is { } until && until < today => ProcurementVerdict.Expired,
        _ => result.Outcome switch
        {
            ReviewOutcome.Pass => ProcurementVerdict.Passed,
            ReviewOutcome.PassWithConditions => ProcurementVerdict.PassedWithConditions,
            ReviewOutcome.Fail => ProcurementVerdict.Failed,
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Unknown outcome."),
        },
    };
}
