using System.Security.Claims;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Evaluation;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Evaluation;

public sealed partial class EvaluationCommands
{
    /// <summary>
    /// An evaluator signs off their institution's report: frozen from now on, with a copy of the findings it
    /// includes as they stand, and signed with the institution's key over its canonical form. A later report of the same institution is a correction that supersedes it.
    /// </summary>
    public async Task<EvaluationOutcome> SubmitReportAsync(Guid caseId, ReportSubmission submission, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var operation = $"report:{caseId}";
        var (reviewCase, stop) = await CreatorAsync(caseId, user, idempotencyKey, operation, cancellationToken);
        if (stop is not null)
            return stop;
        var institution = user.OrganisationId();
        var activities = await db.EvaluationActivities.Where(a => a.CaseId == caseId && a.InstitutionId == institution).Select(a => a.Status).ToListAsync(cancellationToken);
        if (EvaluationReportRules.CheckReadiness(activities) is { } notReady)
            return new EvaluationOutcome.Refused(notReady.GetType().Name, EvaluationText.Describe(text, notReady));
        if (UseCatalogue(reviewCase!) is not { } catalogue)
            return CatalogueUnavailable(reviewCase!);

        var findings = await db.Findings.Include(f => f.Evidence).Where(f => f.CaseId == caseId && f.InstitutionId == institution).OrderBy(f => f.Number).ToListAsync(cancellationToken);
        var current = await db.EvaluationReports.SingleOrDefaultAsync(r => r.CaseId == caseId && r.InstitutionId == institution && r.SupersededById == null, cancellationToken);
        var problems = EvaluationReportRules.Check(submission, [.. findings.Select(f => new ReportedFinding(f.Id, f.RiskArea, f.Severity, f.Status))], current is not null);
        if (problems.Count > 0)
        {
            var numbers = findings.ToDictionary(f => f.Id, f => Finding.Label(f.Number));
            return new EvaluationOutcome.Invalid(problems.GroupBy(EvaluationText.FieldOf).ToDictionary(
                g => g.Key, g => g.Select(p => EvaluationText.Describe(text, p, id => numbers.GetValueOrDefault(id, id.ToString()))).ToArray()));
        }

        var now = clock.GetUtcNow();
        var signer = user.DisplayName();
        var institutionName = await db.Organisations.Where(o => o.Id == institution).Select(o => o.Name).SingleAsync(cancellationToken);
        var included = submission.FindingIds.ToHashSet();
        var report = new EvaluationReport
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            InstitutionId = institution,
            Version = (current?.Version ?? 0) + 1,
            Summary = submission.Summary!.Trim(),
            CatalogueVersion = catalogue.Version,
            SignedById = user.UserId(),
            SignedByName = signer,
            SignOffStatement = SignOffStatement(signer, institutionName, reviewCase!.Number),
            SignedAt = now,
            CorrectionReason = Clean(submission.CorrectionReason),
        };
        report.Conclusions.AddRange(submission.Conclusions.Select(c => new ReportConclusion { ReportId = report.Id, Area = c.Area, Verdict = c.Verdict, Reasoning = c.Reasoning.Trim() }));
        report.Findings.AddRange(findings.Where(f => included.Contains(f.Id)).Select(f => new ReportFinding
        {
            ReportId = report.Id,
            FindingId = f.Id,
            Number = f.Number,
            RiskArea = f.RiskArea,
            CriterionId = f.CriterionId,
            Severity = f.Severity,
            Status = f.Status,
            Title = f.Title,
            Description = f.Description,
            RecommendedCondition = f.RecommendedCondition,
            // The evidence as it stood: the report's signature covers these digests, whatever happens to the finding later.
            EvidenceSha256 = string.Join(' ', f.Evidence.OrderBy(e => e.Position).Select(e => e.Sha256).OfType<string>()),
        }));
        await signatures.SignAsync(report, reviewCase!.Number, current?.Id, cancellationToken);
        db.EvaluationReports.Add(report);
        if (current is not null)
            (current.SupersededById, current.SupersededAt) = (report.Id, now);
        Record(reviewCase, user, current is null ? "ReportSubmitted" : "ReportCorrected", WithReason($"{institutionName} v{report.Version}", report.CorrectionReason));
        audit.Record("report.submit", caseId, "report", report.Id);
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, report.Id);
        return await SaveAsync(reviewCase, report.Id, cancellationToken);
    }

    /// <summary>What the signer confirms, in their language; kept with the report in the words they were shown.</summary>
    public string SignOffStatement(string signer, string institution, string caseNumber) =>
        text["Evaluation.SignOffStatement", signer, institution, caseNumber];
}
