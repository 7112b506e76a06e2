using System.Globalization;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;

namespace CyberReview.Reviews.Signatures;

/// <summary>Who signed, as the record names them.</summary>
public sealed record Signer(Guid UserId, string Name);

/// <summary>A report's conclusion on one risk area, as signed.</summary>
public sealed record SignedConclusion(RiskArea Area, AreaVerdict Verdict, string Reasoning);

/// <summary>A finding as it stood when the report was signed, with the SHA-256 digests of the evidence it cites, in order.</summary>
public sealed record SignedFinding(
    Guid FindingId, int Number, RiskArea RiskArea, string CriterionId, Severity Severity, FindingStatus Status, string Title, string Description,
    string? RecommendedCondition, IReadOnlyList<string> EvidenceSha256);

/// <summary>A condition of a decision, as signed.</summary>
public sealed record SignedCondition(int Position, string Text, DateOnly Deadline);

/// <summary>
/// A document an organisation signs. Its canonical bytes (<see cref="CanonicalJson"/>) are what the signature covers:
/// every field that gives the document its meaning, and the id of the version it supersedes; nothing that changes after
/// signing (such as which later version supersedes it). Times are UTC with milliseconds, a precision every database
/// we use keeps (SQLite's stored form keeps 0.1 ms, PostgreSQL's 1 µs); dates are ISO 8601; enumerations are their names; ids are lower-case with hyphens.
/// </summary>
public abstract record SignedDocument
{
    /// <summary>The organisation whose key signs the document, named in it so that another's key cannot pass for it.</summary>
    public abstract Guid SigningOrganisationId { get; }

    /// <summary>What kind of document this is, signed too, so that a report cannot pass for a decision.</summary>
    public abstract string Type { get; }

    /// <summary>The format of the canonical bytes; a new format gets a new number, and old signatures keep theirs.</summary>
    public const int Format = 1;

    public byte[] CanonicalBytes() => CanonicalJson.Encode(Members());

    protected abstract Dictionary<string, object?> Body();

    private Dictionary<string, object?> Members()
    {
        var members = Body();
        members["type"] = Type;
        members["format"] = Format;
        members["organisationId"] = Id(SigningOrganisationId);
        return members;
    }

    protected static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    protected static string? Id(Guid? id) => id is { } value ? Id(value) : null;

    protected static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string? Date(DateOnly? date) => date is { } value ? Date(value) : null;

    protected static Dictionary<string, object?> Person(Signer signer) => new() { ["userId"] = Id(signer.UserId), ["name"] = signer.Name };
}

/// <summary>An institution's evaluation report, signed by its evaluator with the institution's key.</summary>
public sealed record SignedReport(
    Guid ReportId, Guid CaseId, string CaseNumber, Guid InstitutionId, int Version, string Summary, string CatalogueVersion,
    IReadOnlyList<SignedConclusion> Conclusions, IReadOnlyList<SignedFinding> Findings, Signer SignedBy, string SignOffStatement,
    DateTimeOffset SignedAt, string? CorrectionReason, Guid? Supersedes) : SignedDocument
{
    public const string Kind = "evaluation-report";

    public override Guid SigningOrganisationId => InstitutionId;

    public override string Type => Kind;

    protected override Dictionary<string, object?> Body() => new()
    {
        ["reportId"] = Id(ReportId),
        ["caseId"] = Id(CaseId),
        ["caseNumber"] = CaseNumber,
        ["version"] = Version,
        ["summary"] = Summary,
        ["catalogueVersion"] = CatalogueVersion,
        ["conclusions"] = Conclusions.OrderBy(c => c.Area).Select(c => new Dictionary<string, object?>
        {
            ["area"] = c.Area.ToString(), ["verdict"] = c.Verdict.ToString(), ["reasoning"] = c.Reasoning,
        }).ToList(),
        ["findings"] = Findings.OrderBy(f => f.Number).Select(f => new Dictionary<string, object?>
        {
            ["findingId"] = Id(f.FindingId),
            ["number"] = f.Number,
            ["riskArea"] = f.RiskArea.ToString(),
            ["criterionId"] = f.CriterionId,
            ["severity"] = f.Severity.ToString(),
            ["status"] = f.Status.ToString(),
            ["title"] = f.Title,
            ["description"] = f.Description,
            ["recommendedCondition"] = f.RecommendedCondition,
            ["evidenceSha256"] = f.EvidenceSha256.ToList(),
        }).ToList(),
        ["signedBy"] = Person(SignedBy),
        ["signOffStatement"] = SignOffStatement,
        ["signedAt"] = Time(SignedAt),
        ["correctionReason"] = CorrectionReason,
        ["supersedes"] = Id(Supersedes),
    };
}

/// <summary>A case's decision, signed with the key of the organisation whose part took it (the office, the committee's too).</summary>
public sealed record SignedDecision(
    Guid DecisionId, Guid CaseId, string CaseNumber, Guid OrganisationId, CaseActor Part, ReviewOutcome Outcome, IReadOnlyList<Guid> VersionIds,
    IReadOnlyList<SignedCondition> Conditions, DateOnly? ValidFrom, DateOnly? ValidUntil, PublicationVisibility Visibility, string? Reason,
    DateOnly DecidedOn, DateTimeOffset DecidedAt, Signer DecidedBy, Guid? Supersedes) : SignedDocument
{
    public const string Kind = "decision";

    public override Guid SigningOrganisationId => OrganisationId;

    public override string Type => Kind;

    protected override Dictionary<string, object?> Body() => new()
    {
        ["decisionId"] = Id(DecisionId),
        ["caseId"] = Id(CaseId),
        ["caseNumber"] = CaseNumber,
        ["part"] = Part.ToString(),
        ["outcome"] = Outcome.ToString(),
        ["versionIds"] = VersionIds.Select(Id).Order(StringComparer.Ordinal).ToList(),
        ["conditions"] = Conditions.OrderBy(c => c.Position).Select(c => new Dictionary<string, object?>
        {
            ["position"] = c.Position, ["text"] = c.Text, ["deadline"] = Date(c.Deadline),
        }).ToList(),
        ["validFrom"] = Date(ValidFrom),
        ["validUntil"] = Date(ValidUntil),
        ["visibility"] = Visibility.ToString(),
        ["reason"] = Reason,
        ["decidedOn"] = Date(DecidedOn),
        ["decidedAt"] = Time(DecidedAt),
        ["decidedBy"] = Person(DecidedBy),
        ["supersedes"] = Id(Supersedes),
    };
}
