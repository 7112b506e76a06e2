using System.Globalization;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ActivityFilter(ActivityKind? Kind = null, ActivityStatus? Status = null, int Page = 1, int PageSize = 25);

public sealed record FindingFilter(RiskArea? RiskArea = null, Severity? Severity = null, FindingStatus? Status = null, Guid? ActivityId = null, int Page = 1, int PageSize = 25);

public sealed record ActivityView(
    Guid Id, ActivityKind Kind, ActivityStatus Status, Guid InstitutionId, string Institution, string Scope, string Method,
    DateOnly PlannedStart, DateOnly PlannedEnd, string? TestEnvironment, string? LaboratoryLocation, string? SiteAddress, string? Premises,
    IReadOnlyList<string> Targets, DateOnly? MonitoringFrom, DateOnly? MonitoringUntil, IReadOnlyList<string> Subjects, IReadOnlyList<string> Sources,
    string? Results, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ActivityStatus> NextStatuses, bool YouMayChange);

public sealed record EvidenceView(string Label, string? Url, string? Sha256);

/// <summary>A finding; for the provider (after the decision) without the working file: no activity, no evidence.</summary>
public sealed record FindingView(
    Guid Id, string Number, Guid? ActivityId, Guid InstitutionId, string Institution, RiskArea RiskArea, string CatalogueVersion,
    string CriterionId, string CriterionTitle, Severity Severity, FindingStatus Status, string Title, string Description,
    string? RecommendedCondition, IReadOnlyList<EvidenceView> Evidence, DateTimeOffset RecordedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<FindingStatus> NextStatuses, bool YouMayChange);

public sealed record ReportListItem(
    Guid Id, Guid InstitutionId, string Institution, int Version, bool Current, Guid? SupersededById, string SignedBy,
    DateTimeOffset SignedAt, string? CorrectionReason, int FindingCount);

public sealed record ConclusionView(RiskArea RiskArea, AreaVerdict Verdict, string Reasoning);

public sealed record ReportFindingView(
    Guid FindingId, string Number, RiskArea RiskArea, string CriterionId, Severity Severity, FindingStatus Status, string Title,
    string Description, string? RecommendedCondition);

public sealed record ReportView(
    Guid Id, Guid InstitutionId, string Institution, int Version, bool Current, Guid? SupersededById, DateTimeOffset? SupersededAt,
    string Summary, string CatalogueVersion, IReadOnlyList<ConclusionView> Conclusions, IReadOnlyList<ReportFindingView> Findings,
    Guid SignedById, string SignedBy, DateTimeOffset SignedAt, string SignOffStatement, string? CorrectionReason)
{
    /// <summary>The report's signature, checked against the stored report now.</summary>
    public Data.Signatures.SignatureView? Signature { get; init; }
}

/// <summary>
/// Reading a case's evaluation, always through <see cref="EvaluationScope"/>: 404 to those without a part in the
/// case, 403 to parts that do not see this, filtered and paged in the query.
/// </summary>
public sealed class EvaluationQueries(ReviewDbContext db, IStringLocalizer<Resources.Text> text, Data.Signatures.SignedRecords signatures)
{
    public Task<EvaluationScope?> ScopeAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken) =>
        EvaluationScope.ForAsync(db, user, caseId, cancellationToken);

    public Task<string> OrganisationNameAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);

    public async Task<Reading<Paged<ActivityView>>> ActivitiesAsync(ClaimsPrincipal user, Guid caseId, ActivityFilter filter, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadWork, async scope => await ActivitiesAsync(scope, filter, cancellationToken), cancellationToken);

    public async Task<Reading<ActivityView>> ActivityAsync(ClaimsPrincipal user, Guid caseId, Guid activityId, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadWork, async scope =>
            (await ActivitiesAsync(scope, db.EvaluationActivities.Where(a => a.Id == activityId), new ActivityFilter(), cancellationToken)).Items.SingleOrDefault(), cancellationToken);

    public async Task<Reading<Paged<FindingView>>> FindingsAsync(ClaimsPrincipal user, Guid caseId, FindingFilter filter, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadFindings, async scope => await FindingsAsync(scope, filter, cancellationToken), cancellationToken);

    public async Task<Reading<FindingView>> FindingAsync(ClaimsPrincipal user, Guid caseId, Guid findingId, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadFindings, async scope =>
            (await FindingsAsync(scope, db.Findings.Where(f => f.Id == findingId), new FindingFilter(), cancellationToken)).Items.SingleOrDefault(), cancellationToken);

    public async Task<Reading<Paged<ReportListItem>>> ReportsAsync(ClaimsPrincipal user, Guid caseId, int page, int pageSize, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadWork, async scope => await ReportsAsync(scope, page, pageSize, cancellationToken), cancellationToken);

    public async Task<Reading<ReportView>> ReportAsync(ClaimsPrincipal user, Guid caseId, Guid reportId, CancellationToken cancellationToken) =>
        await ReadAsync(user, caseId, EvaluationOperation.ReadWork, scope => ReportAsync(scope, reportId, cancellationToken), cancellationToken);

    public Task<Paged<ActivityView>> ActivitiesAsync(EvaluationScope scope, ActivityFilter filter, CancellationToken cancellationToken) =>
        ActivitiesAsync(scope, db.EvaluationActivities, filter, cancellationToken);

    public Task<Paged<FindingView>> FindingsAsync(EvaluationScope scope, FindingFilter filter, CancellationToken cancellationToken) =>
        FindingsAsync(scope, db.Findings, filter, cancellationToken);

    public async Task<Paged<ReportListItem>> ReportsAsync(EvaluationScope scope, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.EvaluationReports.Where(r => r.CaseId == scope.CaseId);
        var total = await query.CountAsync(cancellationToken);
        (page, pageSize) = Paging(page, pageSize);
        var items = await query
            .OrderBy(r => db.Organisations.Where(o => o.Id == r.InstitutionId).Select(o => o.Name).First()).ThenByDescending(r => r.Version)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new ReportListItem(r.Id, r.InstitutionId, db.Organisations.Where(o => o.Id == r.InstitutionId).Select(o => o.Name).First(),
                r.Version, r.SupersededById == null, r.SupersededById, r.SignedByName, r.SignedAt, r.CorrectionReason, r.Findings.Count))
            .ToListAsync(cancellationToken);
        return new Paged<ReportListItem>(items, total, page, pageSize);
    }

    public async Task<ReportView?> ReportAsync(EvaluationScope scope, Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.EvaluationReports.AsNoTracking().Include(r => r.Conclusions).Include(r => r.Findings).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == reportId && r.CaseId == scope.CaseId, cancellationToken);
        if (report is null)
            return null;
        var institution = await db.Organisations.Where(o => o.Id == report.InstitutionId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new ReportView(report.Id, report.InstitutionId, institution, report.Version, report.SupersededById is null, report.SupersededById,
            report.SupersededAt, report.Summary, report.CatalogueVersion,
            [.. report.Conclusions.OrderBy(c => c.Area).Select(c => new ConclusionView(c.Area, c.Verdict, c.Reasoning))],
            [.. report.Findings.OrderBy(f => f.Number).Select(f => new ReportFindingView(f.FindingId, Finding.Label(f.Number), f.RiskArea, f.CriterionId,
                f.Severity, f.Status, f.Title, f.Description, f.RecommendedCondition))],
            report.SignedById, report.SignedByName, report.SignedAt, report.SignOffStatement, report.CorrectionReason)
        {
            Signature = await signatures.CheckReportAsync(report.Id, cancellationToken),
        };
    }

    private async Task<Paged<ActivityView>> ActivitiesAsync(EvaluationScope scope, IQueryable<EvaluationActivity> activities, ActivityFilter filter, CancellationToken cancellationToken)
    {
        var query = activities.Where(a => a.CaseId == scope.CaseId);
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var (page, pageSize) = Paging(filter.Page, filter.PageSize);
        var rows = await query.OrderBy(a => a.PlannedStart).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { Activity = a, Institution = db.Organisations.Where(o => o.Id == a.InstitutionId).Select(o => o.Name).First() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return new Paged<ActivityView>([.. rows.Select(row => View(row.Activity, row.Institution))], total, page, pageSize);

        ActivityView View(EvaluationActivity a, string institution) =>
            new(a.Id, a.Kind, a.Status, a.InstitutionId, institution, a.Scope, a.Method, a.PlannedStart, a.PlannedEnd,
                a.TestEnvironment, a.LaboratoryLocation, a.SiteAddress, a.Premises, a.Targets, a.MonitoringFrom, a.MonitoringUntil, a.Subjects,
                a.Sources, a.Results, a.CreatedAt, a.UpdatedAt, ActivityStatusRules.AllowedFrom(a.Status), scope.MayChange(a.InstitutionId));
    }

    private async Task<Paged<FindingView>> FindingsAsync(EvaluationScope scope, IQueryable<Finding> findings, FindingFilter filter, CancellationToken cancellationToken)
    {
        var query = findings.Where(f => f.CaseId == scope.CaseId);
        if (filter.RiskArea is { } area)
            query = query.Where(f => f.RiskArea == area);
        if (filter.Severity is { } severity)
            query = query.Where(f => f.Severity == severity);
        if (filter.Status is { } status)
            query = query.Where(f => f.Status == status);
        if (filter.ActivityId is { } activityId)
            query = query.Where(f => f.ActivityId == activityId);
        var total = await query.CountAsync(cancellationToken);
        var (page, pageSize) = Paging(filter.Page, filter.PageSize);
        var rows = await query.OrderBy(f => f.Number)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new { Finding = f, Institution = db.Organisations.Where(o => o.Id == f.InstitutionId).Select(o => o.Name).First() })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        // Evidence in one query for the page, not one per finding.
        var ids = rows.Select(r => r.Finding.Id).ToList();
        var workingFile = scope.SeesWork;
        var evidence = workingFile
            ? (await db.Set<FindingEvidence>().Where(e => ids.Contains(e.FindingId)).OrderBy(e => e.Position).AsNoTracking().ToListAsync(cancellationToken)).ToLookup(e => e.FindingId)
            : Enumerable.Empty<FindingEvidence>().ToLookup(e => e.FindingId);
        return new Paged<FindingView>([.. rows.Select(row => View(row.Finding, row.Institution))], total, page, pageSize);

        FindingView View(Finding f, string institution) =>
            new(f.Id, Finding.Label(f.Number), workingFile ? f.ActivityId : null, f.InstitutionId, institution, f.RiskArea,
                f.CatalogueVersion, f.CriterionId, CriterionTitle(f.CatalogueVersion, f.CriterionId), f.Severity, f.Status, f.Title, f.Description,
                f.RecommendedCondition, [.. evidence[f.Id].Select(e => new EvidenceView(e.Label, e.Url, e.Sha256))], f.RecordedAt, f.UpdatedAt,
                FindingStatusRules.AllowedFrom(f.Status), scope.MayChange(f.InstitutionId));
    }

    private async Task<Reading<T>> ReadAsync<T>(ClaimsPrincipal user, Guid caseId, EvaluationOperation operation, Func<EvaluationScope, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var scope = await EvaluationScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return new Reading<T>.NotFound();
        if (scope.RuledOut && !scope.Allows(operation))
            return new Reading<T>.Forbidden("RuledOut", text["Evaluation.Refused.RuledOut"]);
        if (EvaluationAccess.Check(scope.Parts, operation, scope.State) is { } refusal)
            return new Reading<T>.Forbidden(refusal.GetType().Name, EvaluationText.Describe(text, refusal));
        return await read(scope) is { } value ? new Reading<T>.Found(value) : new Reading<T>.NotFound();
    }

    private static string CriterionTitle(string catalogueVersion, string criterionId) =>
        CaseCatalogues.For(catalogueVersion)?.Find(criterionId)?.Title.For(CultureInfo.CurrentUICulture) ?? criterionId;

    private static (int Page, int PageSize) Paging(int page, int pageSize) => (Math.Max(1, page), Math.Clamp(pageSize, 1, Paged<object>.MaxPageSize));
}
