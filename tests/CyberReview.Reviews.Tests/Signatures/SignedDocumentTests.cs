using System.Security.Cryptography;
using System.Text;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Signatures;

namespace CyberReview.Reviews.Tests.Signatures;

public sealed class SignedDocumentTests
{
    private static readonly Guid Institution = Guid.Parse("0193a000-0000-7000-8000-000000000001");
    private static readonly Guid Office = Guid.Parse("0193a000-0000-7000-8000-000000000002");
    private static readonly Guid Case = Guid.Parse("0193a000-0000-7000-8000-000000000003");
    private static readonly Guid Person = Guid.Parse("0193a000-0000-7000-8000-000000000004");
    private static readonly Guid FindingId = Guid.Parse("0193a000-0000-7000-8000-000000000005");
    private static readonly Guid V1 = Guid.Parse("0193a000-0000-7000-8000-000000000006");
    private static readonly Guid V2 = Guid.Parse("0193a000-0000-7000-8000-000000000007");
    private static readonly DateTimeOffset Signed = new(2026, 11, 26, 9, 30, 15, TimeSpan.FromHours(8));
    private static readonly string Sha = new('a', 64);

    private static readonly SignedFinding Finding = new(FindingId, 7, RiskArea.SupplyChain, "SC-1", Severity.High, FindingStatus.Open,
        "Unsigned firmware", "The update channel accepts unsigned images.", "Sign the images", [Sha, new string('b', 64)]);

    private static readonly SignedReport Report = new(Guid.Parse("0193a000-0000-7000-8000-000000000010"), Case, "CR-2026-0001", Institution, 1,
        "Summary", "2026.1", [new SignedConclusion(RiskArea.SupplyChain, AreaVerdict.ControllableRisk, "Because")], [Finding], new Signer(Person, "Li Wei"),
        "I, Li Wei, sign", Signed, null, null);

    private static readonly SignedDecision Decision = new(Guid.Parse("0193a000-0000-7000-8000-000000000020"), Case, "CR-2026-0001", Office, CaseActor.Office,
        ReviewOutcome.PassWithConditions, [V2, V1], [new SignedCondition(1, "Disable debugging", new DateOnly(2027, 3, 1))], new DateOnly(2026, 11, 26),
        new DateOnly(2029, 11, 26), PublicationVisibility.Public, null, new DateOnly(2026, 11, 26), Signed, new Signer(Person, "Zhang San"), null);

    [Fact]
    public void A_report_has_exactly_these_bytes()
    {
        const string expected = """{"caseId":"0193a000-0000-7000-8000-000000000003","caseNumber":"CR-2026-0001","catalogueVersion":"2026.1","conclusions":[{"area":"SupplyChain","reasoning":"Because","verdict":"ControllableRisk"}],"correctionReason":null,"findings":[{"criterionId":"SC-1","description":"The update channel accepts unsigned images.","evidenceSha256":["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"],"findingId":"0193a000-0000-7000-8000-000000000005","number":7,"recommendedCondition":"Sign the images","riskArea":"SupplyChain","severity":"High","status":"Open","title":"Unsigned firmware"}],"format":1,"organisationId":"0193a000-0000-7000-8000-000000000001","reportId":"0193a000-0000-7000-8000-000000000010","signOffStatement":"I, Li Wei, sign","signedAt":"2026-11-26T01:30:15.000Z","signedBy":{"name":"Li Wei","userId":"0193a000-0000-7000-8000-000000000004"},"summary":"Summary","supersedes":null,"type":"evaluation-report","version":1}""";
        Assert.Equal(expected, Encoding.UTF8.GetString(Report.CanonicalBytes()));
    }

    [Fact]
    public void A_decision_has_exactly_these_bytes()
    {
        const string expected = """{"caseId":"0193a000-0000-7000-8000-000000000003","caseNumber":"CR-2026-0001","conditions":[{"deadline":"2027-03-01","position":1,"text":"Disable debugging"}],"decidedAt":"2026-11-26T01:30:15.000Z","decidedBy":{"name":"Zhang San","userId":"0193a000-0000-7000-8000-000000000004"},"decidedOn":"2026-11-26","decisionId":"0193a000-0000-7000-8000-000000000020","format":1,"organisationId":"0193a000-0000-7000-8000-000000000002","outcome":"PassWithConditions","part":"Office","reason":null,"supersedes":null,"type":"decision","validFrom":"2026-11-26","validUntil":"2029-11-26","versionIds":["0193a000-0000-7000-8000-000000000006","0193a000-0000-7000-8000-000000000007"],"visibility":"Public"}""";
        Assert.Equal(expected, Encoding.UTF8.GetString(Decision.CanonicalBytes()));
    }

    [Fact]
    public void The_order_collections_arrive_in_does_not_matter_where_the_record_has_its_own()
    {
        var reordered = Decision with { VersionIds = [V1, V2] };
        Assert.Equal(Decision.CanonicalBytes(), reordered.CanonicalBytes());
        var sameTimeElsewhere = Decision with { DecidedAt = Signed.ToUniversalTime() };
        Assert.Equal(Decision.CanonicalBytes(), sameTimeElsewhere.CanonicalBytes());
        // What a database keeps of a time (SQLite 0.1 ms, PostgreSQL 1 µs) gives the same bytes as the time signed.
        var asStored = Decision with { DecidedAt = Signed.AddTicks(9_999) };
        Assert.Equal(Decision.CanonicalBytes(), asStored.CanonicalBytes());
    }

    public static TheoryData<string, SignedDocument> ReportChanges() => new()
    {
        // Every field of a signed report changes its bytes.
        { "report id", Report with { ReportId = Guid.NewGuid() } },
        { "case id", Report with { CaseId = Guid.NewGuid() } },
        { "case number", Report with { CaseNumber = "CR-2026-0002" } },
        { "institution", Report with { InstitutionId = Guid.NewGuid() } },
        { "version", Report with { Version = 2 } },
        { "summary", Report with { Summary = "Summary." } },
        { "catalogue version", Report with { CatalogueVersion = "2027.1" } },
        { "a verdict", Report with { Conclusions = [new SignedConclusion(RiskArea.SupplyChain, AreaVerdict.NoSignificantRisk, "Because")] } },
        { "a reasoning", Report with { Conclusions = [new SignedConclusion(RiskArea.SupplyChain, AreaVerdict.ControllableRisk, "Because.")] } },
        { "a conclusion's area", Report with { Conclusions = [new SignedConclusion(RiskArea.UserInformation, AreaVerdict.ControllableRisk, "Because")] } },
        { "no findings", Report with { Findings = [] } },
        { "a finding's id", Report with { Findings = [Finding with { FindingId = Guid.NewGuid() }] } },
        { "a finding's number", Report with { Findings = [Finding with { Number = 8 }] } },
        { "a finding's area", Report with { Findings = [Finding with { RiskArea = RiskArea.UserInformation }] } },
        { "a finding's criterion", Report with { Findings = [Finding with { CriterionId = "SC-2" }] } },
        { "a finding's severity", Report with { Findings = [Finding with { Severity = Severity.Critical }] } },
        { "a finding's status", Report with { Findings = [Finding with { Status = FindingStatus.Closed }] } },
        { "a finding's title", Report with { Findings = [Finding with { Title = "Signed firmware" }] } },
        { "a finding's description", Report with { Findings = [Finding with { Description = "x" }] } },
        { "a finding's condition", Report with { Findings = [Finding with { RecommendedCondition = null }] } },
        { "an evidence digest", Report with { Findings = [Finding with { EvidenceSha256 = [Sha, new string('c', 64)] }] } },
        { "the evidence's order", Report with { Findings = [Finding with { EvidenceSha256 = [new string('b', 64), Sha] }] } },
        { "an evidence item fewer", Report with { Findings = [Finding with { EvidenceSha256 = [Sha] }] } },
        { "the signer's id", Report with { SignedBy = new Signer(Guid.NewGuid(), "Li Wei") } },
        { "the signer's name", Report with { SignedBy = new Signer(Person, "Li Wei ") } },
        { "the statement", Report with { SignOffStatement = "I sign" } },
        { "signed a millisecond later", Report with { SignedAt = Signed.AddMilliseconds(1) } },
        { "a correction reason", Report with { CorrectionReason = "Typo" } },
        { "the version it supersedes", Report with { Supersedes = Guid.NewGuid() } },
    };

    [Theory]
    [MemberData(nameof(ReportChanges))]
    public void Changing_any_field_of_a_report_changes_its_bytes(string what, SignedDocument changed)
    {
        Assert.False(Report.CanonicalBytes().AsSpan().SequenceEqual(changed.CanonicalBytes()), what);
    }

    public static TheoryData<string, SignedDocument> DecisionChanges() => new()
    {
        { "decision id", Decision with { DecisionId = Guid.NewGuid() } },
        { "case id", Decision with { CaseId = Guid.NewGuid() } },
        { "case number", Decision with { CaseNumber = "CR-2026-0002" } },
        { "organisation", Decision with { OrganisationId = Guid.NewGuid() } },
        { "part", Decision with { Part = CaseActor.Committee } },
        { "outcome", Decision with { Outcome = ReviewOutcome.Pass } },
        { "a version fewer", Decision with { VersionIds = [V1] } },
        { "another version", Decision with { VersionIds = [V1, Guid.NewGuid()] } },
        { "a condition's text", Decision with { Conditions = [new SignedCondition(1, "Disable debugging.", new DateOnly(2027, 3, 1))] } },
        { "a condition's deadline", Decision with { Conditions = [new SignedCondition(1, "Disable debugging", new DateOnly(2027, 3, 2))] } },
        { "a condition's position", Decision with { Conditions = [new SignedCondition(2, "Disable debugging", new DateOnly(2027, 3, 1))] } },
        { "no conditions", Decision with { Conditions = [] } },
        { "valid from", Decision with { ValidFrom = new DateOnly(2026, 11, 27) } },
        { "valid until", Decision with { ValidUntil = null } },
        { "visibility", Decision with { Visibility = PublicationVisibility.Government } },
        { "reason", Decision with { Reason = "Because" } },
        { "decided on", Decision with { DecidedOn = new DateOnly(2026, 11, 27) } },
        { "decided at", Decision with { DecidedAt = Signed.AddSeconds(1) } },
        { "decided by", Decision with { DecidedBy = new Signer(Guid.NewGuid(), "Zhang San") } },
        { "the decision it supersedes", Decision with { Supersedes = Guid.NewGuid() } },
    };

    [Theory]
    [MemberData(nameof(DecisionChanges))]
    public void Changing_any_field_of_a_decision_changes_its_bytes(string what, SignedDocument changed)
    {
        Assert.False(Decision.CanonicalBytes().AsSpan().SequenceEqual(changed.CanonicalBytes()), what);
    }

    [Fact]
    public void A_signature_verifies_with_the_published_key_and_fails_on_any_change()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = key.ExportSubjectPublicKeyInfo();
        var keyId = SignatureScheme.KeyIdOf(spki);
        PublishedKey[] keys = [new(keyId, Office, spki, Signed, null)];
        var payload = Decision.CanonicalBytes();
        var envelope = SignedEnvelope.Of(payload, SignatureScheme.Sign(key, payload), keyId);

        Assert.Equal(64, Convert.FromBase64String(envelope.Signature).Length);
        Assert.Equal(new SignatureCheck.Verified(keyId), envelope.Verify(keys));
        Assert.Equal(new SignatureCheck.Verified(keyId), envelope.Verify([keys[0] with { RetiredAt = Signed.AddDays(1) }]));

        var tampered = envelope with { Payload = Convert.ToBase64String((Decision with { Outcome = ReviewOutcome.Pass }).CanonicalBytes()) };
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.BadSignature), tampered.Verify(keys));
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.UnknownKey), envelope.Verify([]));
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.WrongOrganisation), envelope.Verify([keys[0] with { OrganisationId = Institution }]));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.KeyIdMismatch), envelope.Verify([keys[0] with { SubjectPublicKeyInfo = other.ExportSubjectPublicKeyInfo() }]));
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.UnreadablePayload), (envelope with { Payload = "not base64!" }).Verify(keys));
        Assert.Equal(new SignatureCheck.NotVerified(SignatureFailure.UnreadablePayload), (envelope with { Algorithm = "RS256" }).Verify(keys));
    }
}
