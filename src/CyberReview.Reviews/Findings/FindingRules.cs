using CyberReview.Reviews.Criteria;

namespace CyberReview.Reviews.Findings;

/// <summary>
/// What makes a finding well-formed: it names a criterion of the case's catalogue version that belongs to the
/// finding's risk area (Measures, Art. 4 and 12), and its record is edited only while it is open.
/// </summary>
public static class FindingRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 8000;
    public const int MaxConditionLength = 4000;
    public const int MaxEvidenceLinks = 50;

    /// <summary>Why the criterion does not fit a finding in <paramref name="area"/>, or null when it does.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CriterionProblem? CheckCriterion(CriteriaCatalogue catalogue, RiskArea area, string criterionId)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(criterionId);
        if (catalogue.Find(criterionId.Trim()) is not { } criterion)
            return new CriterionProblem.Unknown(criterionId, catalogue.Version);
        return criterion.RiskArea == area ? null : new CriterionProblem.OtherArea(criterion.Id, criterion.RiskArea, area);
    }

    /// <summary>
    /// Whether what the finding says (area, criterion, severity, text, evidence) may still change. Once it is
    /// dealt with (mitigated, accepted, closed), its record stands as it was dealt with; reopening it allows edits again.
    /// </summary>
    public static bool MayEditContent(FindingStatus status) => status switch
    {
        FindingStatus.Open => true,
        FindingStatus.Mitigated or FindingStatus.Accepted or FindingStatus.Closed => false,
    };
}

/// <summary>Why a criterion does not fit a finding.</summary>
public abstract record CriterionProblem
{
    private CriterionProblem() { }

    /// <summary>The catalogue version has no criterion with this id.</summary>
    public sealed record Unknown(string CriterionId, string CatalogueVersion) : CriterionProblem;

    /// <summary>The criterion belongs to <paramref name="CriterionArea"/>, not to the finding's area.</summary>
    public sealed record OtherArea(string CriterionId, RiskArea CriterionArea, RiskArea FindingArea) : CriterionProblem;
}
