using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Audit;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>One public report for the office: its content and contact (the read is audited), its file, and the triage actions.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class ReportModel(ReviewDbContext db, ReportQueries queries, ReportTriage triage, EvidenceVault vault, AuditTrail audit) : PageModel
{
    public ReportView Report { get; private set; } = null!;
    public IReadOnlyList<(Guid VersionId, Guid ProductId, string Product, string Provider, string Version)> Versions { get; private set; } = [];

    /// <summary>Other received reports about the same registered product, which a case opened here would take up too.</summary>
    public int Similar { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid reportId, CancellationToken cancellationToken) =>
        await LoadAsync(reportId, cancellationToken) ? Page() : NotFound();

    /// <summary>The report's evidence file, decrypted as it streams, always as a download; the read is audited.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.PublicReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is not { FileBlobAddress: { } blob, FileWrappedKey: { } key })
            return NotFound();
        await audit.AppendAsync("public-report.file", report.CaseId, "public-report", report.Id, AuditOutcome.Allowed, cancellationToken);
        var stream = await vault.OpenAsync(ReportIntake.Binding(report), blob, key, cancellationToken);
        return File(stream, "application/octet-stream", report.FileName ?? "evidence");
    }

    public Task<IActionResult> OnPostProductAsync(Guid reportId, Guid? versionId, CancellationToken cancellationToken) =>
        AnswerAsync(reportId, () => triage.AssignProductAsync(reportId, versionId, null, User, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(Guid reportId, string? caseNumber, CancellationToken cancellationToken) =>
        AnswerAsync(reportId, async () =>
        {
            var number = caseNumber?.Trim();
            var caseId = await db.CasesVisibleTo(User).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            return await triage.LinkToCaseAsync(reportId, caseId ?? Guid.Empty, User, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid reportId, string? reason, CancellationToken cancellationToken) =>
        AnswerAsync(reportId, () => triage.DismissAsync(reportId, reason, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostOpenCaseAsync(Guid reportId, string? title, string? justification, List<Guid> versionIds, bool similar, CancellationToken cancellationToken)
    {
        var productId = await db.PublicReports.Where(r => r.Id == reportId).Select(r => r.ProductId).SingleOrDefaultAsync(cancellationToken);
        List<Guid> reportIds = similar && productId is { } product
            ? await db.PublicReports.Where(r => r.Id == reportId || (r.ProductId == product && r.Status == ReportStatus.Received)).Select(r => r.Id).ToListAsync(cancellationToken)
            : [reportId];
        var outcome = await triage.OpenCaseAsync(new ReportCase(reportIds, title, justification, versionIds), User, cancellationToken);
        if (outcome is TriageOutcome.Done done)
            return LocalRedirect($"/Cases/Case?id={done.Id}");
        return await ShowAsync(reportId, outcome, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Guid reportId, Func<Task<TriageOutcome>> action, CancellationToken cancellationToken)
    {
        var outcome = await action();
        return outcome is TriageOutcome.Done ? LocalRedirect($"/PublicReports/Report?reportId={reportId}") : await ShowAsync(reportId, outcome, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid reportId, TriageOutcome outcome, CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        switch (outcome)
        {
            case TriageOutcome.NotFound:
                return NotFound();
            case TriageOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                break;
            case TriageOutcome.Refused refused:
                ModelState.AddModelError("", refused.Message);
                status = StatusCodes.Status409Conflict;
                break;
            default:
                status = StatusCodes.Status409Conflict;
                break;
        }
        return await LoadAsync(reportId, cancellationToken) ? new PageResult { StatusCode = status } : NotFound();
    }

    private async Task<bool> LoadAsync(Guid reportId, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(reportId, cancellationToken) is not { } report)
            return false;
        Report = report;
        Versions = await queries.VersionsAsync(cancellationToken);
        if (report.ProductId is { } product)
            Similar = await db.PublicReports.CountAsync(r => r.Id != reportId && r.ProductId == product && r.Status == ReportStatus.Received, cancellationToken);
        return true;
    }
}
