using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Decisions;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Panels;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Decisions;

public sealed record ConditionView(string Text, DateOnly Deadline);

public sealed record DecisionView(
    Guid Id, ReviewOutcome Outcome, IReadOnlyList<VersionItem> Versions, IReadOnlyList<ConditionView> Conditions, DateOnly? ValidFrom, DateOnly? ValidUntil,
    PublicationVisibility Visibility, string? Reason, DateOnly DecidedOn, DateTimeOffset DecidedAt, string DecidedBy, CaseActor Part,
    Guid? Supersedes, Guid? SupersededBy)
{
    /// <summary>The decision's signature, checked against the stored decision now.</summary>
    public Data.Signatures.SignatureView? Signature { get; init; }
}

/// <summary>What the user may record now: a first decision (with the move to Decided) or a superseding one, and what it is checked against.</summary>
public sealed record DecisionForm(bool Supersedes, IReadOnlyList<VersionItem> VersionsUnderReview, bool HasSector, ReviewOutcome? PanelAgreedOn, bool ReasonRequired);

/// <summary>A case's decisions, newest first; the first one nothing supersedes is in force.</summary>
public sealed record CaseDecisions(Guid CaseId, string CaseNumber, string CaseTitle, CaseState State, IReadOnlyList<DecisionView> Decisions, DecisionForm? Form);

/// <summary>Reading a case's decisions: every part in the case sees them, the superseded ones too.</summary>
public sealed class DecisionQueries(ReviewDbContext db, Data.Signatures.SignedRecords signatures)
{
    /// <summary>The decision in force on a case: the one no other decision supersedes.</summary>
    public static IQueryable<Decision> Current(ReviewDbContext db, Guid caseId) =>
        db.Decisions.Where(d => d.CaseId == caseId && !db.Decisions.Any(n => n.SupersedesId == d.Id));

    public async Task<CaseDecisions?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return null;
        var reviewCase = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Number, c.Title, c.State, c.ProviderId, HasSector = c.SectorDepartmentId != null }).SingleAsync(cancellationToken);
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Conditions).Include(d => d.Versions).AsSplitQuery()
            .Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        var underReview = await db.Set<Data.Cases.CaseVersion>().Where(v => v.CaseId == caseId).Select(v => v.ProductVersionId).ToListAsync(cancellationToken);
        var versionIds = decisions.SelectMany(d => d.Versions.Select(v => v.ProductVersionId)).Concat(underReview).Distinct().ToList();
        var versions = await db.ProductVersions.Where(v => versionIds.Contains(v.Id))
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new VersionItem(v.Id, p.Name, v.Version))
            .ToDictionaryAsync(v => v.Id, cancellationToken);

        var views = decisions.OrderByDescending(d => d.DecidedAt).Select(d => new DecisionView(
            d.Id, d.Outcome, [.. d.Versions.Select(v => versions[v.ProductVersionId]).OrderBy(v => v.Product).ThenBy(v => v.Version)],
            [.. d.Conditions.OrderBy(c => c.Position).Select(c => new ConditionView(c.Text, c.Deadline))], d.ValidFrom, d.ValidUntil, d.Visibility,
            d.Reason, d.DecidedOn, d.DecidedAt, d.DecidedByName, d.Part, d.SupersedesId, decisions.SingleOrDefault(n => n.SupersedesId == d.Id)?.Id)).ToList();
        for (var i = 0; i < views.Count; i++)
            views[i] = views[i] with { Signature = await signatures.CheckDecisionAsync(views[i].Id, cancellationToken) };
        var current = views.SingleOrDefault(v => v.SupersededBy is null);

        var recordsNow = parts.Any(p => CaseWorkflow.ActionsFor(reviewCase.State, p).Contains(CaseAction.RecordDecision));
        var supersedesNow = reviewCase.State == CaseState.Decided && current is not null && parts.Contains(current.Part);
        DecisionForm? form = null;
        if (recordsNow || supersedesNow)
        {
            var decidingPart = supersedesNow ? current!.Part : parts.First(p => CaseWorkflow.ActionsFor(reviewCase.State, p).Contains(CaseAction.RecordDecision));
            var agreed = decidingPart == CaseActor.Office ? (await PanelStanding.ReadAsync(db, caseId, reviewCase.ProviderId, cancellationToken)).Tally.Agreed : null;
            form = new DecisionForm(supersedesNow, [.. underReview.Select(id => versions[id]).OrderBy(v => v.Product).ThenBy(v => v.Version)], reviewCase.HasSector, agreed,
                ReasonRequired: supersedesNow || decidingPart == CaseActor.Committee);
        }
        return new CaseDecisions(caseId, reviewCase.Number, reviewCase.Title, reviewCase.State, views, form);
    }
}
