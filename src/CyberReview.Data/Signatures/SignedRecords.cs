using CyberReview.Data.Decisions;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Signatures;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Signatures;

/// <summary>A signature as pages and the API show it: verified with a key, or not, and why.</summary>
public sealed record SignatureView(bool Verified, string? KeyId, string Algorithm, SignatureFailure? Failure, string? PayloadSha256);

/// <summary>
/// Signed reports and decisions as documents: built from the stored record (so a changed row no longer matches its
/// signature), signed when recorded, checked when shown, and packed into an envelope to check elsewhere. Callers
/// check access first; this class reads what it is given ids for.
/// </summary>
public sealed class SignedRecords(ReviewDbContext db, SigningKeys keys)
{
    /// <summary>Signs a new report with its institution's key; <paramref name="supersedes"/> is the version it corrects.</summary>
    public async Task SignAsync(EvaluationReport report, string caseNumber, Guid? supersedes, CancellationToken cancellationToken) =>
        (report.SignatureKeyId, report.Signature, report.SignedPayloadSha256) = await keys.SignAsync(Document(report, caseNumber, supersedes), cancellationToken);

    /// <summary>Signs a new decision with the key of the deciding user's organisation.</summary>
    public async Task SignAsync(Decision decision, string caseNumber, Guid organisationId, CancellationToken cancellationToken) =>
        (decision.SignatureKeyId, decision.Signature, decision.SignedPayloadSha256) = await keys.SignAsync(Document(decision, caseNumber, organisationId), cancellationToken);

    /// <summary>
    /// Signs the reports and decisions the demo seed wrote straight into a new database, as their institutions and the
    /// office would have when making them, so a newcomer sees verified signatures. Only called right after seeding.
    /// </summary>
    public async Task SignDemoRecordsAsync(CancellationToken cancellationToken)
    {
        var reports = await db.EvaluationReports.Include(r => r.Conclusions).Include(r => r.Findings).AsSplitQuery()
            .Where(r => r.Signature == null).OrderBy(r => r.Version).ToListAsync(cancellationToken);
        foreach (var report in reports)
        {
            var caseNumber = await db.Cases.Where(c => c.Id == report.CaseId).Select(c => c.Number).SingleAsync(cancellationToken);
            var supersedes = await db.EvaluationReports.Where(r => r.CaseId == report.CaseId && r.InstitutionId == report.InstitutionId && r.Version == report.Version - 1)
                .Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
            await SignAsync(report, caseNumber, supersedes, cancellationToken);
        }
        var decisions = await db.Decisions.Include(d => d.Conditions).Include(d => d.Versions).AsSplitQuery()
            .Where(d => d.Signature == null).ToListAsync(cancellationToken);
        foreach (var decision in decisions)
        {
            var caseNumber = await db.Cases.Where(c => c.Id == decision.CaseId).Select(c => c.Number).SingleAsync(cancellationToken);
            var organisation = await db.Users.Where(u => u.Id == decision.DecidedById).Select(u => u.OrganisationId).SingleAsync(cancellationToken);
            await SignAsync(decision, caseNumber, organisation, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<SignatureView> CheckReportAsync(Guid reportId, CancellationToken cancellationToken) =>
        await ReportAsync(reportId, cancellationToken) is { } signed ? View(signed) : Unsigned;

    public async Task<SignatureView> CheckDecisionAsync(Guid decisionId, CancellationToken cancellationToken) =>
        await DecisionAsync(decisionId, cancellationToken) is { } signed ? View(signed) : Unsigned;

    /// <summary>The report as an envelope, recomputed from the stored record; null if it was never signed.</summary>
    public async Task<SignedEnvelope?> ReportEnvelopeAsync(Guid reportId, CancellationToken cancellationToken) =>
        await ReportAsync(reportId, cancellationToken) is { Signature: { } signature, KeyId: { } keyId } signed ? SignedEnvelope.Of(signed.Payload, signature, keyId) : null;

    public async Task<SignedEnvelope?> DecisionEnvelopeAsync(Guid decisionId, CancellationToken cancellationToken) =>
        await DecisionAsync(decisionId, cancellationToken) is { Signature: { } signature, KeyId: { } keyId } signed ? SignedEnvelope.Of(signed.Payload, signature, keyId) : null;

    private static readonly SignatureView Unsigned = new(false, null, SignatureScheme.Algorithm, SignatureFailure.NoSignature, null);

    private sealed record Signed(byte[] Payload, byte[]? Signature, string? KeyId, Guid OrganisationId, IReadOnlyList<PublishedKey> Keys);

    private static SignatureView View(Signed signed) => SignatureScheme.Verify(signed.Payload, signed.Signature, signed.KeyId, signed.OrganisationId, signed.Keys) switch
    {
        SignatureCheck.Verified verified => new SignatureView(true, verified.KeyId, SignatureScheme.Algorithm, null, SignatureScheme.DigestOf(signed.Payload)),
        SignatureCheck.NotVerified failed => new SignatureView(false, signed.KeyId, SignatureScheme.Algorithm, failed.Reason, SignatureScheme.DigestOf(signed.Payload)),
        _ => throw new InvalidOperationException("Unknown signature check."),
    };

    private async Task<Signed?> ReportAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.EvaluationReports.AsNoTracking().Include(r => r.Conclusions).Include(r => r.Findings).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
            return null;
        var caseNumber = await db.Cases.Where(c => c.Id == report.CaseId).Select(c => c.Number).SingleAsync(cancellationToken);
        var supersedes = await db.EvaluationReports.Where(r => r.CaseId == report.CaseId && r.InstitutionId == report.InstitutionId && r.Version == report.Version - 1)
            .Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var document = Document(report, caseNumber, supersedes);
        return new Signed(document.CanonicalBytes(), report.Signature, report.SignatureKeyId, report.InstitutionId, await KeysAsync(report.SignatureKeyId, cancellationToken));
    }

    private async Task<Signed?> DecisionAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.AsNoTracking().Include(d => d.Conditions).Include(d => d.Versions).AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (decision is null)
            return null;
        var caseNumber = await db.Cases.Where(c => c.Id == decision.CaseId).Select(c => c.Number).SingleAsync(cancellationToken);
        var published = await KeysAsync(decision.SignatureKeyId, cancellationToken);
        // A decision names no organisation of its own: it is the one whose key signed it, and the document says so too.
        var organisation = published.Count > 0 ? published[0].OrganisationId : Guid.Empty;
        var document = Document(decision, caseNumber, organisation);
        return new Signed(document.CanonicalBytes(), decision.Signature, decision.SignatureKeyId, organisation, published);
    }

    private async Task<IReadOnlyList<PublishedKey>> KeysAsync(string? keyId, CancellationToken cancellationToken) =>
        keyId is null ? [] : await keys.PublishedAsync(keyId, cancellationToken);

    private static SignedReport Document(EvaluationReport report, string caseNumber, Guid? supersedes) => new(
        report.Id, report.CaseId, caseNumber, report.InstitutionId, report.Version, report.Summary, report.CatalogueVersion,
        [.. report.Conclusions.Select(c => new SignedConclusion(c.Area, c.Verdict, c.Reasoning))],
        [.. report.Findings.Select(f => new SignedFinding(f.FindingId, f.Number, f.RiskArea, f.CriterionId, f.Severity, f.Status, f.Title, f.Description,
            f.RecommendedCondition, f.EvidenceSha256.Split(' ', StringSplitOptions.RemoveEmptyEntries)))],
        new Signer(report.SignedById, report.SignedByName), report.SignOffStatement, report.SignedAt, report.CorrectionReason, supersedes);

    private static SignedDecision Document(Decision decision, string caseNumber, Guid organisationId) => new(
        decision.Id, decision.CaseId, caseNumber, organisationId, decision.Part, decision.Outcome, [.. decision.Versions.Select(v => v.ProductVersionId)],
        [.. decision.Conditions.Select(c => new SignedCondition(c.Position, c.Text, c.Deadline))], decision.ValidFrom, decision.ValidUntil, decision.Visibility,
        decision.Reason, decision.DecidedOn, decision.DecidedAt, new Signer(decision.DecidedById, decision.DecidedByName), decision.SupersedesId);
}
