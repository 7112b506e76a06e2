using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;
using static CyberReview.Reviews.Tests.Criteria.CatalogueSamples;

namespace CyberReview.Reviews.Tests.Criteria;

public sealed class CatalogueValidationTests
{
    [Fact]
    public void A_small_catalogue_that_covers_every_area_and_quality_is_sound() => Assert.Empty(Catalogue().Validate());

    public static TheoryData<RiskArea> Areas() => [.. Enum.GetValues<RiskArea>()];

    [Theory]
    [MemberData(nameof(Areas))]
    public void A_catalogue_missing_a_risk_area_names_that_area(RiskArea area)
    {
        var builtin = CriteriaCatalogue.Builtin();
        var catalogue = Catalogue(builtin.Criteria.Where(c => c.RiskArea != area));

        Assert.Equal([new CatalogueProblem.AreaNotCovered(area)], catalogue.Validate());
    }

    public static TheoryData<Quality> Qualities() => [.. Enum.GetValues<Quality>()];

    [Theory]
    [MemberData(nameof(Qualities))]
    public void A_catalogue_missing_a_quality_names_that_quality(Quality quality)
    {
        var builtin = CriteriaCatalogue.Builtin();
        var catalogue = Catalogue(builtin.Criteria.Where(c => c.Quality != quality));

        Assert.Equal([new CatalogueProblem.QualityNotCovered(quality)], catalogue.Validate());
    }

    [Fact]
    public void An_empty_catalogue_covers_nothing()
    {
        var problems = Catalogue([]).Validate();

        Assert.Contains(new CatalogueProblem.Empty(), problems);
        Assert.Equal(Enum.GetValues<RiskArea>().Length, problems.OfType<CatalogueProblem.AreaNotCovered>().Count());
        Assert.Equal(Enum.GetValues<Quality>().Length, problems.OfType<CatalogueProblem.QualityNotCovered>().Count());
    }

    [Fact]
    public void Repeated_ids_are_reported_once_with_their_count_ignoring_case()
    {
        var catalogue = Catalogue([.. OnePerArea(), Criterion("cr-ic-01"), Criterion("CR-IC-01")]);

        Assert.Equal(
            [new CatalogueProblem.DuplicateId("CR-IC-01", 3), new CatalogueProblem.MalformedId("cr-ic-01", RiskArea.IllegalControl)],
            catalogue.Validate());
        Assert.Same(catalogue.Criteria[0], catalogue.Find("CR-IC-01"));
    }

    // Each row: one criterion added to a sound catalogue, and the one problem it brings.
    public static TheoryData<Criterion, CatalogueProblem> BrokenCriteria() => new()
    {
        { Criterion("CR-IC-2"), new CatalogueProblem.MalformedId("CR-IC-2", RiskArea.IllegalControl) },
        { Criterion("CR-IC-00"), new CatalogueProblem.MalformedId("CR-IC-00", RiskArea.IllegalControl) },
        { Criterion("CR-IC-1234"), new CatalogueProblem.MalformedId("CR-IC-1234", RiskArea.IllegalControl) },
        { Criterion("cr-ic-02"), new CatalogueProblem.MalformedId("cr-ic-02", RiskArea.IllegalControl) },
        { Criterion("CR-IC-02 "), new CatalogueProblem.MalformedId("CR-IC-02 ", RiskArea.IllegalControl) },
        { Criterion("CR-SC-02", RiskArea.IllegalControl), new CatalogueProblem.MalformedId("CR-SC-02", RiskArea.IllegalControl) },
        { Criterion("CR-IC-02", quality: (Quality)7), new CatalogueProblem.UnknownValue("CR-IC-02", "Quality", 7) },
        { Criterion("CR-IC-02", activities: [(ActivityKind)9]), new CatalogueProblem.UnknownValue("CR-IC-02", "Activities", 9) },
        { Criterion("CR-IC-02", kinds: [(ProductKind)9]), new CatalogueProblem.UnknownValue("CR-IC-02", "ProductKinds", 9) },
        { Criterion("CR-IC-02", title: new("Title", " ")), new CatalogueProblem.MissingText("CR-IC-02", CriterionText.Title, TextLanguage.SimplifiedChinese) },
        { Criterion("CR-IC-02", requirement: new("", "要求")), new CatalogueProblem.MissingText("CR-IC-02", CriterionText.Requirement, TextLanguage.English) },
        { Criterion("CR-IC-02", guidance: new("How", "")), new CatalogueProblem.MissingText("CR-IC-02", CriterionText.Guidance, TextLanguage.SimplifiedChinese) },
        { Criterion("CR-IC-02", references: []), new CatalogueProblem.NoReference("CR-IC-02") },
        { Criterion("CR-IC-02", activities: []), new CatalogueProblem.NoActivity("CR-IC-02") },
        { Criterion("CR-IC-02", kinds: []), new CatalogueProblem.NoProductKind("CR-IC-02") },
        {
            Criterion("CR-IC-02", references: [new("ISO/IEC 27001:2022", "A.8.28"), new("ISO/IEC 27001:2022", " A.8.28")]),
            new CatalogueProblem.DuplicateReference("CR-IC-02", new("ISO/IEC 27001:2022", "A.8.28"))
        },
    };

    [Theory]
    [MemberData(nameof(BrokenCriteria))]
    public void A_broken_criterion_is_reported_by_id(Criterion criterion, CatalogueProblem expected) =>
        Assert.Equal([expected], Catalogue([.. OnePerArea(), criterion]).Validate());

    [Fact]
    public void A_criterion_with_an_unknown_risk_area_is_reported_and_its_id_cannot_be_well_formed() =>
        Assert.Equal(
            [new CatalogueProblem.MalformedId("CR-IC-02", (RiskArea)9), new CatalogueProblem.UnknownValue("CR-IC-02", "RiskArea", 9)],
            Catalogue([.. OnePerArea(), Criterion("CR-IC-02", (RiskArea)9)]).Validate());

    public static TheoryData<string, CatalogueStatus, DateOnly?, CatalogueProblem?> Headers() => new()
    {
        { "2026.1", CatalogueStatus.Draft, null, null },
        { "2027.12", CatalogueStatus.Approved, new DateOnly(2027, 3, 1), null },
        { "2026", CatalogueStatus.Draft, null, new CatalogueProblem.MalformedVersion("2026") },
        { "2026.0", CatalogueStatus.Draft, null, new CatalogueProblem.MalformedVersion("2026.0") },
        { "v2026.1", CatalogueStatus.Draft, null, new CatalogueProblem.MalformedVersion("v2026.1") },
        { "2026.1\n", CatalogueStatus.Draft, null, new CatalogueProblem.MalformedVersion("2026.1\n") },
        { "2026.1", CatalogueStatus.Approved, null, new CatalogueProblem.ApprovalMismatch(CatalogueStatus.Approved, null) },
        { "2026.1", CatalogueStatus.Draft, new DateOnly(2026, 1, 5), new CatalogueProblem.ApprovalMismatch(CatalogueStatus.Draft, new DateOnly(2026, 1, 5)) },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Version_and_approval_are_checked(string version, CatalogueStatus status, DateOnly? approvedOn, CatalogueProblem? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Catalogue(version: version, status: status, approvedOn: approvedOn).Validate());

    [Fact]
    public void A_title_missing_a_language_is_reported() =>
        Assert.Equal(
            [new CatalogueProblem.MissingTitle(TextLanguage.SimplifiedChinese)],
            Catalogue(title: new("Criteria", "")).Validate());

    [Fact]
    public void Problems_come_catalogue_first_then_by_criterion_in_order()
    {
        var catalogue = Catalogue(
            [Criterion("CR-IC-01", references: []), Criterion("CR-IC-02", activities: [])],
            version: "draft");

        Assert.Equal(
            [
                new CatalogueProblem.MalformedVersion("draft"),
                new CatalogueProblem.AreaNotCovered(RiskArea.SupplyChain),
                new CatalogueProblem.AreaNotCovered(RiskArea.UserInformation),
                new CatalogueProblem.AreaNotCovered(RiskArea.UnfairCompetition),
                new CatalogueProblem.AreaNotCovered(RiskArea.OtherNationalSecurity),
                new CatalogueProblem.QualityNotCovered(Quality.Transparency),
                new CatalogueProblem.QualityNotCovered(Quality.Trustworthiness),
                new CatalogueProblem.NoReference("CR-IC-01"),
                new CatalogueProblem.NoActivity("CR-IC-02"),
            ],
            catalogue.Validate());
    }
}
