using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Reviews.Undertakings;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Undertakings;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Audit;

/// <summary>What the gate found before a request reached a case's material.</summary>
public enum CaseEntry
{
    /// <summary>The user holds a part in the case.</summary>
    Member,
    /// <summary>The user holds a part that must first accept the case's confidentiality terms (Art. 13), and has not.</summary>
    UndertakingRequired,
    /// <summary>Office staff outside the case, on a purpose stated within the last hours.</summary>
    StatedPurpose,
    /// <summary>Office staff outside the case who must first say why they need it.</summary>
    PurposeRequired,
    /// <summary>The case does not exist for the user: the handler answers 404 and the refusal is recorded.</summary>
    Outsider,
}

/// <summary>
/// Stands before every page and endpoint of case material (Features/Audit: the page filter and the API filter):
/// decides how the user comes in, holds evaluators and experts at the confidentiality undertaking until they accept it,
/// lets office staff in on a stated purpose, and records the access.
/// </summary>
public sealed class CaseMaterialGate(ReviewDbContext db, AuditTrail trail, TimeProvider clock, IOptions<AuditOptions> options)
{
    public const string BreakGlassAction = "case.break-glass";

    /// <summary>The refusal recorded when a member who has not accepted the case's terms asks for its material.</summary>
    public const string UndertakingRequiredAction = "case.undertaking-required";

    public async Task<CaseEntry> EnterAsync(ClaimsPrincipal user, Guid caseId, string? statedPurpose, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (parts.Count > 0)
        {
            // Asked on every request, never remembered: an acceptance counts from the moment it is saved, membership until it is removed.
            return ConfidentialityUndertaking.RequiredOf(parts) && !await CaseUndertakings.AcceptedAsync(db, user.UserId(), caseId, cancellationToken)
                ? CaseEntry.UndertakingRequired
                : CaseEntry.Member;
        }
        if (!await CaseAccess.OpensOnStatedPurposeAsync(db, user, caseId, cancellationToken))
        {
            await trail.AppendAsync("case.access", caseId, "case", caseId, AuditOutcome.Denied, cancellationToken);
            return CaseEntry.Outsider;
        }
        var purpose = await StandingPurposeAsync(user, caseId, cancellationToken);
        if (purpose is null && Clean(statedPurpose) is { } stated)
        {
            purpose = stated;
            trail.UnderStatedPurpose(purpose);
            await trail.AppendAsync(BreakGlassAction, caseId, "case", caseId, AuditOutcome.Allowed, cancellationToken);
        }
        if (purpose is null)
            return CaseEntry.PurposeRequired;
        trail.UnderStatedPurpose(purpose);
        user.AddIdentity(new ClaimsIdentity([new Claim(CaseAccess.StatedPurposeClaim, caseId.ToString())]));
        return CaseEntry.StatedPurpose;
    }

    /// <summary>Records a stated purpose for the case (from the purpose page).</summary>
    public async Task StatePurposeAsync(Guid caseId, string purpose, CancellationToken cancellationToken)
    {
        trail.UnderStatedPurpose(purpose);
        await trail.AppendAsync(BreakGlassAction, caseId, "case", caseId, AuditOutcome.Allowed, cancellationToken);
    }

    /// <summary>A purpose the user stated for the case within the configured hours, the latest first.</summary>
    private async Task<string?> StandingPurposeAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var since = clock.GetUtcNow().AddHours(-options.Value.BreakGlassHours);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.ActorId == userId && e.BreakGlass && e.At >= since && e.Action == BreakGlassAction)
            .OrderByDescending(e => e.At)
            .Select(e => e.Purpose)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A purpose as it is kept: trimmed, at least a few characters, at most the trail's limit; null when unusable.</summary>
    public static string? Clean(string? purpose) =>
        purpose?.Trim() is { Length: >= MinimumPurposeLength and <= AuditLimits.PurposeLength } trimmed ? trimmed : null;

    public const int MinimumPurposeLength = 10;
}
