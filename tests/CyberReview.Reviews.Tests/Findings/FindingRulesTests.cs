using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;

namespace CyberReview.Reviews.Tests.Findings;

public sealed class FindingRulesTests
{
    private static readonly CriteriaCatalogue Catalogue = CriteriaCatalogue.Builtin();

    public static TheoryData<string, RiskArea> EveryCriterionAndArea() =>
        [.. from c in CriteriaCatalogue.Builtin().Criteria from a in Enum.GetValues<RiskArea>() select (c.Id, a)];

    [Theory]
    [MemberData(nameof(EveryCriterionAndArea))]
    public void A_criterion_fits_only_findings_in_its_own_risk_area(string criterionId, RiskArea area)
    {
        var criterion = Catalogue.Find(criterionId)!;

        var problem = FindingRules.CheckCriterion(Catalogue, area, criterionId);

        if (criterion.RiskArea == area)
            Assert.Null(problem);
        else
            Assert.Equal(new CriterionProblem.OtherArea(criterion.Id, criterion.RiskArea, area), problem);
    }

    [Theory]
    [InlineData("cr-ic-01", true)]
    [InlineData(" CR-IC-01 ", true)]
    [InlineData("CR-IC-99", false)]
    [InlineData("", false)]
    public void Criteria_are_looked_up_by_id_ignoring_case_and_spaces(string id, bool known)
    {
        var problem = FindingRules.CheckCriterion(Catalogue, RiskArea.IllegalControl, id);

        if (known)
            Assert.Null(problem);
        else
            Assert.Equal(new CriterionProblem.Unknown(id, Catalogue.Version), problem);
    }

    [Theory]
    [InlineData(FindingStatus.Open, true)]
    [InlineData(FindingStatus.Mitigated, false)]
    [InlineData(FindingStatus.Accepted, false)]
    [InlineData(FindingStatus.Closed, false)]
    public void Only_an_open_finding_is_edited(FindingStatus status, bool editable) =>
        Assert.Equal(editable, FindingRules.MayEditContent(status));

    public static TheoryData<string, string?, string?, EvidenceProblem[]> Links() => new()
    {
        { "Test log, run 14", null, null, [] },
        { "Capture", "https://evidence.lab.example/cases/42/capture.pcap", "sha256:" + new string('A', 64), [] },
        { "Capture", "http://10.0.0.5/capture.pcap", new string('0', 64), [] },
        { " ", null, null, [EvidenceProblem.LabelMissing] },
        { new string('l', EvidenceLink.MaxLabelLength + 1), null, null, [EvidenceProblem.LabelTooLong] },
        { "Capture", "ftp://files.example/capture.pcap", null, [EvidenceProblem.UrlNotWebAddress] },
        { "Capture", "/relative/capture.pcap", null, [EvidenceProblem.UrlNotWebAddress] },
        { "Capture", "javascript:alert(1)", null, [EvidenceProblem.UrlNotWebAddress] },
        { "Capture", null, "md5:d41d8cd98f00b204e9800998ecf8427e", [EvidenceProblem.DigestNotSha256] },
        { "Capture", null, new string('g', 64), [EvidenceProblem.DigestNotSha256] },
        { "", "nope", "nope", [EvidenceProblem.LabelMissing, EvidenceProblem.UrlNotWebAddress, EvidenceProblem.DigestNotSha256] },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Evidence_links_have_a_label_a_web_address_and_a_sha256_digest(string label, string? url, string? digest, EvidenceProblem[] expected) =>
        Assert.Equal(expected, new EvidenceLink(label, url, digest).Problems());

    [Theory]
    [InlineData("SHA256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData(" e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("e3b0c442", null)]
    [InlineData(null, null)]
    public void Digests_are_kept_in_one_form(string? text, string? normalized) =>
        Assert.Equal(normalized, EvidenceLink.NormalizeDigest(text));
}
