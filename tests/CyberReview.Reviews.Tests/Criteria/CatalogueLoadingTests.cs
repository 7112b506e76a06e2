using System.Text;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Tests.Criteria;

public sealed class CatalogueLoadingTests
{
    private const string Criterion = """
        {
          "id": "CR-IC-01", "riskArea": "IllegalControl", "quality": "Controllability",
          "title": { "en": "Kill switch", "zh": "远程停用" },
          "requirement": { "en": "None.", "zh": "无。" },
          "guidance": { "en": "Test.", "zh": "测试。" },
          "activities": ["LaboratoryTesting", "OnSiteInspection"],
          "productKinds": ["Hardware"],
          "references": [{ "standard": "NIST SP 800-53r5", "clause": "CM-7" }]
        }
        """;

    private static string Document(string criteria = Criterion, string status = "\"Approved\"", string approvedOn = "\"2026-03-02\"", string format = "1") => $$"""
        {
          "format": {{format}},
          "version": "2026.1",
          "status": {{status}},
          "approvedOn": {{approvedOn}},
          "title": { "en": "Criteria", "zh": "准则" },
          "sources": ["Measures, Art. 4"],
          "criteria": [{{criteria}}]
        }
        """;

    private static CriteriaCatalogue Load(string json) => CriteriaCatalogue.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void A_document_is_read_field_by_field()
    {
        var catalogue = Load(Document());

        Assert.Equal("2026.1", catalogue.Version);
        Assert.Equal(CatalogueStatus.Approved, catalogue.Status);
        Assert.Equal(new DateOnly(2026, 3, 2), catalogue.ApprovedOn);
        Assert.Equal(new BilingualText("Criteria", "准则"), catalogue.Title);
        Assert.Equal(["Measures, Art. 4"], catalogue.Sources);
        var criterion = Assert.Single(catalogue.Criteria);
        Assert.Equal("CR-IC-01", criterion.Id);
        Assert.Equal(RiskArea.IllegalControl, criterion.RiskArea);
        Assert.Equal(Quality.Controllability, criterion.Quality);
        Assert.Equal(new BilingualText("Kill switch", "远程停用"), criterion.Title);
        Assert.Equal(new BilingualText("None.", "无。"), criterion.Requirement);
        Assert.Equal(new BilingualText("Test.", "测试。"), criterion.Guidance);
        Assert.Equal([ActivityKind.LaboratoryTesting, ActivityKind.OnSiteInspection], criterion.Activities);
        Assert.Equal([ProductKind.Hardware], criterion.ProductKinds);
        Assert.Equal([new StandardReference("NIST SP 800-53r5", "CM-7")], criterion.References);
    }

    [Fact]
    public void A_draft_has_a_null_approval_date()
    {
        var catalogue = Load(Document(status: "\"Draft\"", approvedOn: "null"));
        Assert.Equal(CatalogueStatus.Draft, catalogue.Status);
        Assert.Null(catalogue.ApprovedOn);
    }

    [Fact]
    public void Loading_does_not_validate_content()
    {
        // Shape is the loader's business; content problems are reported by Validate, so drafts can be loaded and fixed.
        var catalogue = Load(Document(Criterion.Replace("\"references\": [{ \"standard\": \"NIST SP 800-53r5\", \"clause\": \"CM-7\" }]", "\"references\": []", StringComparison.Ordinal)));
        Assert.Contains(new CatalogueProblem.NoReference("CR-IC-01"), catalogue.Validate());
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        { "{ \"format\": 1,", "not valid JSON" },
        { "[]", "the catalogue is an array; expected an object" },
        { Document(format: "2"), "format 2" },
        { Document(format: "\"1\""), "format of the catalogue is a string; expected a number" },
        { Document(status: "\"Final\""), "status of the catalogue is 'Final', which is not one of Draft, Approved" },
        { Document(status: "\"1\""), "'1'" },
        { Document(approvedOn: "\"2 March 2026\""), "not a date of the form yyyy-MM-dd" },
        { Document().Replace("\"sources\"", "\"source\"", StringComparison.Ordinal), "unknown field 'source'" },
        { Document().Replace("\"version\": \"2026.1\",", "", StringComparison.Ordinal), "the catalogue has no 'version'" },
        { Document(Criterion.Replace("\"IllegalControl\"", "\"Control\"", StringComparison.Ordinal)), "riskArea of criterion CR-IC-01 is 'Control'" },
        { Document(Criterion.Replace("\"IllegalControl\"", "\"IllegalControl, SupplyChain\"", StringComparison.Ordinal)), "riskArea of criterion CR-IC-01" },
        { Document(Criterion.Replace("\"Hardware\"", "\"Router\"", StringComparison.Ordinal)), "productKinds of criterion CR-IC-01 is 'Router'" },
        { Document(Criterion.Replace("\"Hardware\"", "3", StringComparison.Ordinal)), "productKinds[0] of criterion CR-IC-01 is a number; expected a string" },
        { Document(Criterion.Replace("\"zh\": \"远程停用\"", "\"zh-Hans\": \"远程停用\"", StringComparison.Ordinal)), "title of criterion CR-IC-01 has an unknown field 'zh-Hans'" },
        { Document(Criterion.Replace("\"clause\": \"CM-7\"", "\"clause\": \" \"", StringComparison.Ordinal)), "references[0] of criterion CR-IC-01 has a blank standard or clause" },
        { Document(Criterion.Replace("\"id\": \"CR-IC-01\", ", "", StringComparison.Ordinal)), "criteria[0] has no 'id'" },
        { Document(Criterion.Replace("\"quality\": \"Controllability\",", "\"quality\": \"Controllability\", \"quality\": \"Transparency\",", StringComparison.Ordinal)), "criteria[0] has the field 'quality' more than once" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_document_is_refused_with_a_message_that_says_where(string json, string expected)
    {
        var exception = Assert.Throws<CatalogueFormatException>(() => Load(json));
        Assert.Contains(expected, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_builtin_resource_reads_the_same_as_loading_it_directly()
    {
        using var stream = typeof(CriteriaCatalogue).Assembly.GetManifestResourceStream("CyberReview.Reviews.Criteria.catalogue-2026.1.json");
        Assert.NotNull(stream);
        var loaded = CriteriaCatalogue.Load(stream);
        var builtin = CriteriaCatalogue.Builtin();

        Assert.Equal(builtin.Criteria.Select(c => c.Id), loaded.Criteria.Select(c => c.Id));
        Assert.Equal(builtin.References(), loaded.References());
    }
}
