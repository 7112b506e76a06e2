using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Criteria;

/// <summary>Small, sound catalogues and criteria for tests that break one thing at a time.</summary>
internal static class CatalogueSamples
{
    public static readonly BilingualText Title = new("Test criteria", "测试准则");

    /// <summary>A sound criterion; each argument breaks one thing when given.</summary>
    public static Criterion Criterion(
        string id = "CR-IC-01",
        RiskArea area = RiskArea.IllegalControl,
        Quality quality = Quality.Controllability,
        BilingualText? title = null,
        BilingualText? requirement = null,
        BilingualText? guidance = null,
        ActivityKind[]? activities = null,
        ProductKind[]? kinds = null,
        StandardReference[]? references = null) =>
        new(
            id,
            area,
            quality,
            title ?? new("A title", "标题"),
            requirement ?? new("What must hold.", "须满足的要求。"),
            guidance ?? new("How to check it.", "核查方法。"),
            activities ?? [ActivityKind.LaboratoryTesting],
            kinds ?? [ProductKind.Software],
            references ?? [new StandardReference("GB/T 22239-2019", "8.1.4.2")]);

    /// <summary>One criterion per risk area, together covering every quality.</summary>
    public static IReadOnlyList<Criterion> OnePerArea() =>
    [
        Criterion("CR-IC-01", RiskArea.IllegalControl, Quality.Controllability),
        Criterion("CR-SC-01", RiskArea.SupplyChain, Quality.Transparency),
        Criterion("CR-UI-01", RiskArea.UserInformation, Quality.Trustworthiness),
        Criterion("CR-UC-01", RiskArea.UnfairCompetition, Quality.Controllability),
        Criterion("CR-NS-01", RiskArea.OtherNationalSecurity, Quality.Trustworthiness),
    ];

    public static CriteriaCatalogue Catalogue(
        IEnumerable<Criterion>? criteria = null,
        string version = "2026.1",
        CatalogueStatus status = CatalogueStatus.Draft,
        DateOnly? approvedOn = null,
        BilingualText? title = null) =>
        new(version, status, approvedOn, title ?? Title, criteria ?? OnePerArea());
}
