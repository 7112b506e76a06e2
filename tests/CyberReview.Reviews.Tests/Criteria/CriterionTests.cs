using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Criteria;

public sealed class CriterionTests
{
    [Theory]
    [InlineData(RiskArea.IllegalControl, "IC")]
    [InlineData(RiskArea.SupplyChain, "SC")]
    [InlineData(RiskArea.UserInformation, "UI")]
    [InlineData(RiskArea.UnfairCompetition, "UC")]
    [InlineData(RiskArea.OtherNationalSecurity, "NS")]
    public void Each_risk_area_has_its_own_code(RiskArea area, string code) => Assert.Equal(code, Criterion.AreaCode(area));

    [Fact]
    public void Area_codes_are_distinct() =>
        Assert.Equal(Enum.GetValues<RiskArea>().Length, Enum.GetValues<RiskArea>().Select(Criterion.AreaCode).Distinct().Count());

    [Theory]
    [InlineData("CR-IC-01", RiskArea.IllegalControl, true)]
    [InlineData("CR-SC-10", RiskArea.SupplyChain, true)]
    [InlineData("CR-NS-123", RiskArea.OtherNationalSecurity, true)]
    [InlineData("CR-UI-01", RiskArea.UnfairCompetition, false)]
    [InlineData("CR-UC-1", RiskArea.UnfairCompetition, false)]
    [InlineData("CR-UC-000", RiskArea.UnfairCompetition, false)]
    [InlineData("CR-IC-01\n", RiskArea.IllegalControl, false)]
    [InlineData("CR-IC-٠١", RiskArea.IllegalControl, false)]
    [InlineData("XR-IC-01", RiskArea.IllegalControl, false)]
    [InlineData("", RiskArea.IllegalControl, false)]
    public void Ids_are_well_formed_only_with_their_own_area_code(string id, RiskArea area, bool expected) =>
        Assert.Equal(expected, Criterion.IsWellFormedId(id, area));

    [Fact]
    public void Lists_are_copied_and_repeated_kinds_and_activities_collapse()
    {
        var activities = new List<ActivityKind> { ActivityKind.LaboratoryTesting, ActivityKind.LaboratoryTesting };
        var kinds = new List<ProductKind> { ProductKind.Hardware, ProductKind.Hardware, ProductKind.Software };
        var criterion = CatalogueSamples.Criterion(activities: [.. activities], kinds: [.. kinds]);
        activities.Clear();

        Assert.Equal([ActivityKind.LaboratoryTesting], criterion.Activities);
        Assert.Equal([ProductKind.Hardware, ProductKind.Software], criterion.ProductKinds);
        Assert.True(criterion.AppliesTo(ProductKind.Hardware));
        Assert.False(criterion.AppliesTo(ProductKind.CloudService));
    }

    [Theory]
    [InlineData("", "8.1")]
    [InlineData("GB/T 22239-2019", " ")]
    public void A_reference_needs_both_standard_and_clause(string standard, string clause) =>
        Assert.ThrowsAny<ArgumentException>(() => new StandardReference(standard, clause));

    [Fact]
    public void References_compare_by_value_and_read_as_cited()
    {
        Assert.Equal(new StandardReference("NIST SP 800-53r5", "SR-4"), new StandardReference(" NIST SP 800-53r5 ", "SR-4"));
        Assert.Equal("GB/T 35273-2020 5.2", new StandardReference("GB/T 35273-2020", "5.2").ToString());
    }

    [Fact]
    public void Bilingual_text_gives_each_language_and_names_the_missing_ones()
    {
        var text = new BilingualText("Kill switch", "远程停用");
        Assert.Equal("Kill switch", text.In(TextLanguage.English));
        Assert.Equal("远程停用", text.In(TextLanguage.SimplifiedChinese));
        Assert.Empty(text.MissingLanguages());
        Assert.Equal([TextLanguage.English, TextLanguage.SimplifiedChinese], new BilingualText(" ", "").MissingLanguages());
    }
}
