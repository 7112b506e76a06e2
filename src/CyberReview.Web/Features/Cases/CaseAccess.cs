using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Cases;

/// <summary>
/// Need to know: a person sees a case only through a part the case grants them (to them, or to their
/// organisation when their roles fit the part). Lists filter by this rule in the query; single cases
/// answer "not found" to everyone else, so nobody learns that a case exists. An evaluator with a standing
/// declared tie with the case's provider does not hold the evaluator part, though their institution does.
/// The office's grant puts a case in every office user's list (screening needs the list), but its material is
/// open only to the office staff who handle it: those named in the case, those who acted in it for the office,
/// anyone while it waits for screening, and others only on a stated purpose (break glass, Features/Audit), which
/// arrives as the <see cref="StatedPurposeClaim"/> for the case on the request.
/// </summary>
public static class CaseAccess
{
    /// <summary>The cases in which the user holds some part.</summary>
    public static IQueryable<ReviewCase> CasesVisibleTo(this ReviewDbContext db, ClaimsPrincipal user)
    {
        var parts = CaseParts.PossibleFor(user.Roles()).ToList();
        if (parts.Count == 0)
            return db.Cases.Where(_ => false);
        var userId = user.UserId();
        var organisationId = user.OrganisationId();
        var tiedProviders = db.ConflictDeclarations.Where(d => d.UserId == userId && d.WithdrawnAt == null).Select(d => d.ProviderId);
        // One indexed lookup per case (CaseId, Part, ...), so a page walks the sort index and stops after its rows.
        // An assigned institution's evaluator who declared a tie with the provider does not see that provider's cases.
        return db.Cases.Where(c => c.Members.Any(m => parts.Contains(m.Part) && (m.UserId == userId || m.OrganisationId == organisationId)
            && (m.Part != CaseActor.Evaluator || !tiedProviders.Contains(c.ProviderId))));
    }

    /// <summary>On a request that carries a stated purpose for a case: the case's id (added by Features/Audit, never stored).</summary>
    public const string StatedPurposeClaim = "cyberreview:stated-purpose-case";

    /// <summary>The parts the user holds in one case; empty when the case does not exist for them.</summary>
    public static async Task<IReadOnlyList<CaseActor>> PartsAsync(ReviewDbContext db, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = CaseParts.PossibleFor(user.Roles()).ToList();
        if (parts.Count == 0)
            return [];
        var userId = user.UserId();
        var organisationId = user.OrganisationId();
        var statedPurpose = user.HasClaim(StatedPurposeClaim, caseId.ToString());
        return await db.CaseMembers
            .Where(m => m.CaseId == caseId && parts.Contains(m.Part) && (m.UserId == userId || m.OrganisationId == organisationId))
            .Where(m => m.Part != CaseActor.Evaluator
                || !db.Cases.Any(c => c.Id == caseId && c.Provider.DeclaredTies.Any(d => d.UserId == userId && d.WithdrawnAt == null)))
            .Where(m => m.Part != CaseActor.Office || m.UserId == userId || statedPurpose
                || db.Cases.Any(c => c.Id == caseId && (c.State == CaseState.Submitted
                    || c.Events.Any(e => e.ActorId == userId && e.ActorPart == CaseActor.Office))))
            .Select(m => m.Part)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Whether the user is office staff whom the office's grant would let into the case on a stated purpose:
    /// the case is in their list, but they do not handle it.
    /// </summary>
    public static async Task<bool> OpensOnStatedPurposeAsync(ReviewDbContext db, ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        if (!user.Has(Reviews.Access.Capability.OpenCasesOnStatedPurpose))
            return false;
        var organisationId = user.OrganisationId();
        return await db.CaseMembers.AnyAsync(m => m.CaseId == caseId && m.Part == CaseActor.Office && m.OrganisationId == organisationId, cancellationToken);
    }
}
