namespace CyberReview.Reviews.Criteria;

/// <summary>
/// Something wrong with a criteria catalogue, as reported by <see cref="CriteriaCatalogue.Validate"/>. A catalogue
/// with any problem cannot be approved, and evaluators cannot record findings against it.
/// </summary>
public abstract record CatalogueProblem
{
    private CatalogueProblem() { }

    /// <summary>The version is not of the form year.number, such as <c>2026.1</c>.</summary>
    public sealed record MalformedVersion(string Version) : CatalogueProblem;

    /// <summary>An approved catalogue has no approval date, or a draft has one.</summary>
    public sealed record ApprovalMismatch(CatalogueStatus Status, DateOnly? ApprovedOn) : CatalogueProblem;

    /// <summary>The catalogue's title is blank in a language.</summary>
    public sealed record MissingTitle(TextLanguage Language) : CatalogueProblem;

    /// <summary>The catalogue has no criteria at all.</summary>
    public sealed record Empty : CatalogueProblem;

    /// <summary>No criterion covers this risk area of Art. 4.</summary>
    public sealed record AreaNotCovered(RiskArea Area) : CatalogueProblem;

    /// <summary>No criterion tests this quality of Art. 12.</summary>
    public sealed record QualityNotCovered(Quality Quality) : CatalogueProblem;

    /// <summary>Two or more criteria share an id (compared without regard to case).</summary>
    public sealed record DuplicateId(string CriterionId, int Count) : CatalogueProblem;

    /// <summary>The id is not of the form <c>CR-XX-nn</c> with the code of the criterion's own risk area.</summary>
    public sealed record MalformedId(string CriterionId, RiskArea Area) : CatalogueProblem;

    /// <summary>The risk area, quality, an activity or a product kind (named by <paramref name="Field"/>) is not one of the defined values.</summary>
    public sealed record UnknownValue(string CriterionId, string Field, int Value) : CatalogueProblem;

    /// <summary>One of the criterion's texts is blank in a language.</summary>
    public sealed record MissingText(string CriterionId, CriterionText Field, TextLanguage Language) : CatalogueProblem;

    /// <summary>The criterion cites no standard clause.</summary>
    public sealed record NoReference(string CriterionId) : CatalogueProblem;

    /// <summary>The criterion cites the same clause twice.</summary>
    public sealed record DuplicateReference(string CriterionId, StandardReference Reference) : CatalogueProblem;

    /// <summary>The criterion names no evaluation activity that would establish it.</summary>
    public sealed record NoActivity(string CriterionId) : CatalogueProblem;

    /// <summary>The criterion applies to no kind of product or service.</summary>
    public sealed record NoProductKind(string CriterionId) : CatalogueProblem;
}
