using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Cases;

public sealed record CaseListFilter(CaseState? State = null, bool OverdueOnly = false, string? Search = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record CaseListItem(Guid Id, string Number, string Title, string Provider, CaseState State, DateOnly? DueOn, bool Paused, DateTimeOffset UpdatedAt);

/// <summary>
/// A page of cases. Counting stops at <see cref="CountLimit"/>: past it <see cref="Total"/> is that limit and
/// <see cref="TotalIsExact"/> false, so a list of a hundred thousand cases costs no more than one of a thousand;
/// the page asks the user to narrow the filter instead of paging that far.
/// </summary>
public sealed record CaseList(IReadOnlyList<CaseListItem> Items, int Total, bool TotalIsExact, int Page, int PageSize)
{
    public const int CountLimit = 1_000;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record VersionItem(Guid Id, string Product, string Version);

/// <summary>One line of a case's timeline; <see cref="Actor"/> is null where the viewer may not learn who it was.</summary>
public sealed record TimelineItem(DateTimeOffset At, string? Actor, CaseActor Part, string What, CaseState? From, CaseState? To, string? Reason);

public sealed record QuestionItem(Guid Id, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt);

public sealed record CaseDetails(
    Guid Id, string Number, string Title, CaseState State, TriggerKind Trigger, string? RequestingBody, string? ReferenceNumber,
    string? Justification, Guid ProviderId, string Provider, string? SectorDepartment, bool IsComplex, DateTimeOffset CreatedAt,
    IReadOnlyList<VersionItem> Versions, ClockReading Clock, IReadOnlyList<TimelineItem> Timeline, IReadOnlyList<QuestionItem> Questions,
    IReadOnlyList<CaseActor> YourParts, IReadOnlyList<CaseAction> YourActions);

/// <summary>Reading cases, always through <see cref="CaseAccess"/>: lists are filtered in the query, one query per page of results.</summary>
public sealed class CaseQueries(ReviewDbContext db, CaseTimekeeping time, Calendar.ReviewCalendar calendar)
{
    public async Task<CaseList> ListAsync(ClaimsPrincipal user, CaseListFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, CaseListFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = db.CasesVisibleTo(user);
        if (filter.State is { } state)
            query = query.Where(c => c.State == state);
        if (filter.OverdueOnly)
        {
            var today = time.Today;
            query = query.Where(c => c.DueOn != null && c.DueOn < today && c.ClockPausedOn == null);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            if (term.StartsWith("CR-", StringComparison.OrdinalIgnoreCase))
            {
                // A case number, or its beginning: a range over the unique index on Number.
                var from = term.ToUpperInvariant();
                var until = from + "\uffff";
#pragma warning disable CA1309 // Translated to SQL's own (binary) comparison; the overloads with a StringComparison do not translate.
                query = query.Where(c => string.Compare(c.Number, from) >= 0 && string.Compare(c.Number, until) < 0);
#pragma warning restore CA1309
            }
            else
            {
                var lower = term.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on both engines; the StringComparison overloads do not translate.
                query = query.Where(c => c.Title.ToLower().Contains(lower));
#pragma warning restore CA1862
            }
        }
        // Counted in no order, so the database stops at the limit without sorting what it found.
        var total = await query.Take(CaseList.CountLimit + 1).CountAsync(cancellationToken);
        var ordered = filter.OverdueOnly ? query.OrderBy(c => c.DueOn).ThenBy(c => c.Number) : query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new CaseListItem(c.Id, c.Number, c.Title, c.Provider.Name, c.State, c.DueOn, c.ClockPausedOn != null, c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new CaseList(items, Math.Min(total, CaseList.CountLimit), total <= CaseList.CountLimit, page, pageSize);
    }

    /// <summary>One case as the user may see it; null when it does not exist for them.</summary>
    public async Task<CaseDetails?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return null;
        var reviewCase = await db.Cases.AsNoTracking()
            .Include(c => c.Provider)
            .Include(c => c.SectorDepartment)
            .Include(c => c.Pauses)
            .Include(c => c.InformationRequests)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == caseId, cancellationToken);
        var versions = await db.Set<Data.Cases.CaseVersion>().Where(v => v.CaseId == caseId)
            .Join(db.ProductVersions, cv => cv.ProductVersionId, v => v.Id, (_, v) => v)
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new VersionItem(v.Id, p.Name, v.Version))
            .ToListAsync(cancellationToken);
        // Evaluation work is for those who see it (Features/Evaluation); the rest of the timeline is for every part.
        var seesEvaluation = parts.Any(p => EvaluationAccess.Allows(p, EvaluationOperation.ReadWork, reviewCase.State));
        var timeline = await db.CaseEvents.Where(e => e.CaseId == caseId && (seesEvaluation || !e.What.StartsWith(Evaluation.EvaluationCommands.EventPrefix)))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new TimelineItem(e.At, e.ActorName, e.ActorPart, e.What, e.FromState, e.ToState, e.Reason))
            .ToListAsync(cancellationToken);
        // Who sits on the panel is kept from those who do not see it (Panels.PanelAccess), so nobody can lobby the experts.
        if (!Panels.PanelAccess.Sees(parts))
            timeline = [.. timeline.Select(e => e.Part == CaseActor.Expert ? e with { Actor = null } : e)];
        var actions = parts.SelectMany(p => CaseWorkflow.ActionsFor(reviewCase.State, p))
            // Questions are asked and answered, and decisions recorded, with their own forms, which also move the case.
            .Where(a => a is not CaseAction.RequestInformation and not CaseAction.ProvideInformation and not CaseAction.Expire and not CaseAction.RecordDecision)
            .Distinct().ToList();
        // Who asked for a review, and why, is the office's business; a provider sees it only of its own application.
        var seesTrigger = reviewCase.TriggerKind == TriggerKind.ProviderApplication || parts.Any(p => p != CaseActor.Provider);
        return new CaseDetails(
            reviewCase.Id, reviewCase.Number, reviewCase.Title, reviewCase.State, reviewCase.TriggerKind,
            seesTrigger ? reviewCase.RequestingBody : null, seesTrigger ? reviewCase.ReferenceNumber : null, seesTrigger ? reviewCase.Justification : null, reviewCase.ProviderId, reviewCase.Provider.Name, reviewCase.SectorDepartment?.Name,
            reviewCase.IsComplex, reviewCase.CreatedAt, [.. versions.OrderBy(v => v.Product).ThenBy(v => v.Version)], time.Read(reviewCase, await calendar.CurrentAsync(cancellationToken)), timeline,
            [.. reviewCase.InformationRequests.OrderBy(r => r.AskedAt).Select(r => new QuestionItem(r.Id, r.Question, r.AskedAt, r.Answer, r.AnsweredAt))],
            parts, actions);
    }
}
