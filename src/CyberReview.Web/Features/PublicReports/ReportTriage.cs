using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.PublicReports;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Audit;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>What came of a triage action.</summary>
public abstract record TriageOutcome
{
    private TriageOutcome() { }

    /// <summary>Done: the report's id, or the case opened.</summary>
    public sealed record Done(Guid Id) : TriageOutcome;

    public sealed record NotFound : TriageOutcome;

    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : TriageOutcome
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
    }

    /// <summary>Not now: the report was settled already.</summary>
    public sealed record Refused(string Message) : TriageOutcome;

    public sealed record Conflict : TriageOutcome;
}

/// <summary>The office opens a case on reports about one product: its versions under review, a title and why.</summary>
public sealed record ReportCase(IReadOnlyList<Guid> ReportIds, string? Title, string? Justification, IReadOnlyList<Guid> VersionIds);

/// <summary>
/// The office's triage of public reports. Each action is one transaction; linking to a case writes a line on the case's
/// timeline (never the reporter's particulars), and opening a case links the reports in the case's own transaction.
/// </summary>
public sealed class ReportTriage(ReviewDbContext db, CaseCommands cases, TimeProvider clock, AuditTrail audit, IStringLocalizer<Resources.Text> text)
{
    public const string OpenOperation = "PublicReports.OpenCase";

    public async Task<TriageOutcome> AssignProductAsync(Guid id, Guid? versionId, Guid? productId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await db.PublicReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } report)
            return new TriageOutcome.NotFound();
        var version = versionId is { } v ? await db.ProductVersions.Where(pv => pv.Id == v).Select(pv => new { pv.Id, pv.ProductId }).SingleOrDefaultAsync(cancellationToken) : null;
        var product = version?.ProductId ?? (productId is { } p && await db.Products.AnyAsync(x => x.Id == p, cancellationToken) ? p : null);
        if (product is null)
            return new TriageOutcome.Invalid("versionId", text["PublicReports.UnknownProduct"]);
        if (Decide(report, TriageAction.AssignProduct, null) is { } refused)
            return refused;
        (report.ProductId, report.ProductVersionId) = (product, version?.Id);
        Touch(report, user);
        return await SaveAsync(report.Id, cancellationToken);
    }

    public async Task<TriageOutcome> LinkToCaseAsync(Guid id, Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await db.PublicReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } report)
            return new TriageOutcome.NotFound();
        var reviewCase = await db.CasesVisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (reviewCase is null)
            return new TriageOutcome.Invalid("caseId", text["PublicReports.UnknownCase"]);
        if (Decide(report, TriageAction.LinkToCase, null) is { } refused)
            return refused;
        report.Status = ReportStatus.LinkedToCase;
        report.CaseId = caseId;
        Touch(report, user);
        CaseRecords.Event(reviewCase, clock, user, CaseActor.Office, "PublicReportLinked", null, null, null);
        audit.Record("public-report.link", caseId, "public-report", report.Id);
        return await SaveAsync(report.Id, cancellationToken);
    }

    public async Task<TriageOutcome> DismissAsync(Guid id, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await db.PublicReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } report)
            return new TriageOutcome.NotFound();
        if (reason?.Length > TriageRules.MaxReasonLength)
            return new TriageOutcome.Invalid("reason", text["Validation.MaxLength", text["Field.Reason"].Value, TriageRules.MaxReasonLength]);
        if (Decide(report, TriageAction.Dismiss, reason) is { } refused)
            return refused;
        report.Status = ReportStatus.Dismissed;
        report.TriageReason = reason!.Trim();
        Touch(report, user);
        return await SaveAsync(report.Id, cancellationToken);
    }

    /// <summary>Opens a market-reaction case on one or more received reports about the same registered product, and links them to it.</summary>
    public async Task<TriageOutcome> OpenCaseAsync(ReportCase request, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await IdempotencyKeys.PreviousAsync(db, user, idempotencyKey, OpenOperation, cancellationToken) is { } previous)
            return new TriageOutcome.Done(previous);
        var ids = request.ReportIds.Distinct().ToList();
        var reports = await db.PublicReports.Include(r => r.Product).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        if (ids.Count == 0 || reports.Count != ids.Count)
            return new TriageOutcome.NotFound();
        if (reports.Select(r => r.ProductId).Distinct().ToList() is not [{ } productId] || reports[0].Product is not { } product)
            return new TriageOutcome.Invalid("reportIds", text["PublicReports.OneRegisteredProduct"]);
        if (request.Justification?.Length > TriageRules.MaxReasonLength)
            return new TriageOutcome.Invalid("justification", text["Validation.MaxLength", text["Field.Justification"].Value, TriageRules.MaxReasonLength]);
        foreach (var report in reports)
            if (Decide(report, TriageAction.OpenCase, request.Justification) is { } refused)
                return refused is TriageOutcome.Refused ? refused : new TriageOutcome.Invalid("justification", text["Validation.Required", text["Field.Justification"].Value]);
        var versions = request.VersionIds.Count > 0 ? request.VersionIds
            : [.. reports.Select(r => r.ProductVersionId).OfType<Guid>().Distinct()];
        var title = string.IsNullOrWhiteSpace(request.Title) ? text["PublicReports.CaseTitle", product.Name].Value : request.Title;
        var outcome = await cases.OpenWithAsync(new NewCase(title, product.ProviderId, versions, TriageRules.CaseTrigger, null, null, request.Justification, null, IsComplex: false),
            user, reviewCase =>
            {
                foreach (var report in reports)
                {
                    report.Status = ReportStatus.CaseOpened;
                    report.CaseId = reviewCase.Id;
                    report.TriageReason = request.Justification!.Trim();
                    Touch(report, user);
                }
                IdempotencyKeys.Remember(db, clock, user, idempotencyKey, OpenOperation, reviewCase.Id);
                return Task.FromResult<CaseOutcome?>(null);
            }, cancellationToken);
        return outcome switch
        {
            CaseOutcome.Done done => new TriageOutcome.Done(done.CaseId),
            CaseOutcome.Invalid invalid => new TriageOutcome.Invalid(invalid.Errors.ToDictionary(e => Lower(e.Key), e => e.Value)),
            _ => new TriageOutcome.Conflict(),
        };
    }

    private TriageOutcome? Decide(PublicReport report, TriageAction action, string? reason) => TriageRules.Decide(report.Status, action, reason) switch
    {
        TriageDecision.Moved => null,
        TriageDecision.Refused { Reason: TriageRefusal.ReasonMissing } => new TriageOutcome.Invalid("reason", text["Validation.Required", text["Field.Reason"].Value]),
        TriageDecision.Refused => new TriageOutcome.Refused(text["PublicReports.AlreadySettled", text[$"ReportStatus.{report.Status}"].Value]),
        _ => throw new InvalidOperationException("A decision moves or refuses."),
    };

    private void Touch(PublicReport report, ClaimsPrincipal user)
    {
        report.TriagedAt = clock.GetUtcNow();
        report.TriagedById = user.UserId();
        report.Revision++;
    }

    private async Task<TriageOutcome> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TriageOutcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TriageOutcome.Conflict();
        }
    }

    private static string Lower(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
