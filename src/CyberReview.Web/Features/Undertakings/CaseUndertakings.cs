using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Undertakings;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Undertakings;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Undertakings;

/// <summary>An acceptance as the page and the API show it.</summary>
public sealed record AcceptanceView(Guid Id, Guid CaseId, string TermsVersion, CaseActor Part, DateTimeOffset AcceptedAt);

/// <summary>The terms of one case for one person: which version, its text, whether they must accept it and whether they have.</summary>
public sealed record UndertakingView(Guid CaseId, string CaseNumber, string CaseTitle, string TermsVersion, string Terms, bool Required, AcceptanceView? Accepted);

/// <summary>
/// Confidentiality undertakings (Art. 13): reading the terms of a case, and accepting them once before the first access
/// to its material. Who must accept is <see cref="ConfidentialityUndertaking"/>'s rule; the case-material gate
/// (Features/Audit) asks <see cref="AcceptedAsync"/> on every request.
/// </summary>
public sealed class CaseUndertakings(ReviewDbContext db, TimeProvider clock, Audit.AuditTrail trail, IHttpContextAccessor http, IStringLocalizer<Resources.Text> text)
{
    /// <summary>Whether the user accepted the terms in force for the case.</summary>
    public static Task<bool> AcceptedAsync(ReviewDbContext db, Guid userId, Guid caseId, CancellationToken cancellationToken) =>
        db.UndertakingAcceptances.AnyAsync(a => a.CaseId == caseId && a.UserId == userId && a.TermsVersion == ConfidentialityUndertaking.CurrentTerms, cancellationToken);

    /// <summary>The terms in force, in the request's language.</summary>
    public string Terms => text[$"Undertakings.Terms.{ConfidentialityUndertaking.CurrentTerms}"];

    /// <summary>The case's terms for the user; null when the case does not exist for them.</summary>
    public async Task<UndertakingView?> ViewAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return null;
        var reviewCase = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Number, c.Title }).SingleAsync(cancellationToken);
        return new UndertakingView(caseId, reviewCase.Number, reviewCase.Title, ConfidentialityUndertaking.CurrentTerms, Terms,
            ConfidentialityUndertaking.RequiredOf(parts), await AcceptanceAsync(caseId, user.UserId(), cancellationToken));
    }

    /// <summary>
    /// Records the user's acceptance of the terms in force, with a timeline line and an audit event, in one transaction.
    /// Accepting again changes nothing (Done, and the first acceptance stands); a part that need not accept is told so.
    /// </summary>
    public async Task<CaseOutcome> AcceptAsync(Guid caseId, bool accepted, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count == 0)
            return new CaseOutcome.NotFound();
        var requiring = parts.Where(ConfidentialityUndertaking.RequiredOf).ToList();
        if (requiring.Count == 0)
            return new CaseOutcome.Invalid("Accepted", text["Undertakings.NotRequired"]);
        var part = requiring[0];
        if (await AcceptedAsync(db, user.UserId(), caseId, cancellationToken))
            return new CaseOutcome.Done(caseId);
        if (!accepted)
            return new CaseOutcome.Invalid("Accepted", text["Undertakings.MustAccept"]);
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var acceptance = new UndertakingAcceptance
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            UserId = user.UserId(),
            TermsVersion = ConfidentialityUndertaking.CurrentTerms,
            Part = part,
            AcceptedAt = now,
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.UndertakingAcceptances.Add(acceptance);
        CaseRecords.Event(reviewCase, clock, user, part, "UndertakingAccepted", null, null, ConfidentialityUndertaking.CurrentTerms);
        trail.Record("undertaking.accept", caseId, "undertaking", acceptance.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person accepted at the same moment in another request: that acceptance stands.
            db.ChangeTracker.Clear();
            if (!await AcceptedAsync(db, user.UserId(), caseId, cancellationToken))
                throw;
        }
        return new CaseOutcome.Done(caseId);
    }

    public async Task<AcceptanceView?> AcceptanceAsync(Guid caseId, Guid userId, CancellationToken cancellationToken) =>
        await db.UndertakingAcceptances.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.UserId == userId && a.TermsVersion == ConfidentialityUndertaking.CurrentTerms)
            .Select(a => new AcceptanceView(a.Id, a.CaseId, a.TermsVersion, a.Part, a.AcceptedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
