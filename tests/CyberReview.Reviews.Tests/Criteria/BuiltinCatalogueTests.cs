using System.Globalization;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Criteria;

public sealed partial class BuiltinCatalogueTests
{
    private static readonly CriteriaCatalogue Catalogue = CriteriaCatalogue.Builtin();

    [Fact]
    public void It_is_version_2026_1_and_a_draft_until_the_committee_approves_it()
    {
        Assert.Equal("2026.1", Catalogue.Version);
        Assert.Equal(CriteriaCatalogue.BuiltinVersion, Catalogue.Version);
        Assert.Equal(CatalogueStatus.Draft, Catalogue.Status);
        Assert.Null(Catalogue.ApprovedOn);
        Assert.Same(Catalogue, CriteriaCatalogue.Builtin());
    }

    [Fact]
    public void It_validates_with_no_problems() => Assert.Empty(Catalogue.Validate());

    [Fact]
    public void It_has_at_least_40_criteria() => Assert.InRange(Catalogue.Criteria.Count, 40, int.MaxValue);

    public static TheoryData<RiskArea> Areas() => [.. Enum.GetValues<RiskArea>()];

    [Theory]
    [MemberData(nameof(Areas))]
    public void Every_risk_area_has_at_least_five_criteria(RiskArea area) =>
        Assert.InRange(Catalogue.InArea(area).Count, 5, int.MaxValue);

    public static TheoryData<Quality> Qualities() => [.. Enum.GetValues<Quality>()];

    [Theory]
    [MemberData(nameof(Qualities))]
    public void Every_quality_is_tested_by_several_criteria(Quality quality) =>
        Assert.InRange(Catalogue.WithQuality(quality).Count, 5, int.MaxValue);

    [Fact]
    public void Ids_are_unique_well_formed_and_numbered_without_gaps_within_each_area()
    {
        Assert.Equal(Catalogue.Criteria.Count, Catalogue.Criteria.Select(c => c.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var criterion in Catalogue.Criteria)
            Assert.True(Criterion.IsWellFormedId(criterion.Id, criterion.RiskArea), criterion.Id);
        foreach (var area in Enum.GetValues<RiskArea>())
        {
            var expected = Enumerable.Range(1, Catalogue.InArea(area).Count)
                .Select(n => $"CR-{Criterion.AreaCode(area)}-{n:00}");
            Assert.Equal(expected, Catalogue.InArea(area).Select(c => c.Id));
        }
    }

    [Fact]
    public void Every_text_is_written_in_English_and_in_Simplified_Chinese()
    {
        foreach (var criterion in Catalogue.Criteria)
        {
            foreach (var field in Enum.GetValues<CriterionText>())
            {
                var text = criterion.Text(field);
                Assert.False(string.IsNullOrWhiteSpace(text.English), $"{criterion.Id} {field} has no English");
                Assert.DoesNotMatch(ChineseCharacter(), text.English);
                Assert.Matches(ChineseCharacter(), text.Chinese);
                // Mostly Chinese, not English with a word or two of Chinese in it.
                Assert.True(ChineseCharacter().Count(text.Chinese) * 2 > text.Chinese.Length, $"{criterion.Id} {field}: {text.Chinese}");
            }
        }
        Assert.Matches(ChineseCharacter(), Catalogue.Title.Chinese);
    }

    [Fact]
    public void Every_criterion_cites_at_least_one_standard_clause_and_names_its_activities_and_product_kinds()
    {
        foreach (var criterion in Catalogue.Criteria)
        {
            Assert.NotEmpty(criterion.References);
            Assert.NotEmpty(criterion.Activities);
            Assert.NotEmpty(criterion.ProductKinds);
        }
    }

    [Fact]
    public void Every_activity_and_every_product_kind_is_used()
    {
        Assert.Equal(Enum.GetValues<ActivityKind>().ToHashSet(), Catalogue.Criteria.SelectMany(c => c.Activities).ToHashSet());
        foreach (var kind in Enum.GetValues<ProductKind>())
            Assert.InRange(Catalogue.ApplicableTo(kind).Count, 30, int.MaxValue);
    }

    // Only standards whose clause numbering is cited with confidence; a new one is a deliberate change to this list.
    [Fact]
    public void Only_known_standards_are_cited_with_clauses_of_their_form()
    {
        var forms = new Dictionary<string, Regex>
        {
            ["GB/T 22239-2019"] = new(@"^8\.1\.([1-9]|10)\.[0-9]{1,2}$"),
            ["GB/T 35273-2020"] = new(@"^([4-9]|1[01])\.[0-9]{1,2}$"),
            ["GB/T 36637-2018"] = new(@"^[67]\.[1-6]$"),
            ["ISO/IEC 27001:2022"] = new(@"^A\.(5\.([1-9]|[1-3][0-9])|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[1-2][0-9]|3[0-4]))$"),
            ["NIST SP 800-53r5"] = NistControl(),
            ["NIST SP 800-161r1"] = NistControl(),
            ["NIST SP 800-218"] = new(@"^(PO|PS|PW|RV)\.[1-9]\.[1-9]$"),
        };
        foreach (var (standard, clause) in Catalogue.References())
        {
            Assert.True(forms.ContainsKey(standard), $"unexpected standard '{standard}'");
            Assert.Matches(forms[standard], clause);
        }
        Assert.Equal(forms.Keys.Order(), Catalogue.References().Select(r => r.Standard).Distinct().Order());
    }

    [Fact]
    public void The_header_names_its_sources()
    {
        Assert.NotEmpty(Catalogue.Sources);
        foreach (var standard in Catalogue.References().Select(r => r.Standard).Distinct())
        {
            var designation = standard.Replace("r5", " Rev. 5", StringComparison.Ordinal).Replace("r1", " Rev. 1", StringComparison.Ordinal);
            Assert.Contains(Catalogue.Sources, source => source.StartsWith(designation, StringComparison.Ordinal));
        }
        Assert.Contains(Catalogue.Sources, source => source.Contains("Art. 4", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CR-IC-01", RiskArea.IllegalControl)]
    [InlineData("cr-sc-01", RiskArea.SupplyChain)]
    [InlineData("CR-NS-08", RiskArea.OtherNationalSecurity)]
    public void Criteria_are_found_by_id_ignoring_case(string id, RiskArea area)
    {
        Assert.True(Catalogue.TryFind(id, out var criterion));
        Assert.Equal(area, criterion.RiskArea);
        Assert.Same(criterion, Catalogue.Find(id.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("CR-IC-99")]
    [InlineData("")]
    [InlineData("IC-01")]
    public void An_unknown_id_finds_nothing(string id)
    {
        Assert.Null(Catalogue.Find(id));
        Assert.False(Catalogue.TryFind(id, out _));
    }

    [Fact]
    public void Texts_follow_the_user_interface_culture()
    {
        var criterion = Catalogue.Find("CR-SC-01")!;
        Assert.Equal(criterion.Title.Chinese, criterion.Title.For(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal(criterion.Title.Chinese, criterion.Title.For(CultureInfo.GetCultureInfo("zh-Hans")));
        Assert.Equal(criterion.Title.English, criterion.Title.For(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(criterion.Title.English, criterion.Title.For(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Its_lists_cannot_be_changed_through_the_interface()
    {
        Assert.False(Catalogue.Criteria is ICollection<Criterion> { IsReadOnly: false });
        var criterion = Catalogue.Criteria[0];
        Assert.False(criterion.References is ICollection<StandardReference> { IsReadOnly: false });
        Assert.False(criterion.Activities is ICollection<ActivityKind> { IsReadOnly: false });
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseCharacter();

    [GeneratedRegex(@"^[A-Z]{2}-[0-9]{1,2}(\([0-9]{1,2}\))?$")]
    private static partial Regex NistControl();
}
