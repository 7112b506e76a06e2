using CyberReview.Data.Cases;
using CyberReview.Data.Identity;
using CyberReview.Data.Undertakings;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Undertakings;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Demo;

/// <summary>
/// The confidentiality undertakings the demo's evaluators and experts gave when they were let into their cases, so that
/// a newcomer signed in as one of them goes straight to the case (and sees the acceptance on its timeline).
/// </summary>
internal static class DemoUndertakings
{
    /// <summary>Accepts the terms in force for every person whom a demo case's grant obliges to accept them.</summary>
    public static async Task AcceptAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var parts = Enum.GetValues<CaseActor>().Where(ConfidentialityUndertaking.RequiredOf).ToList();
        var grants = await db.CaseMembers.AsNoTracking().Where(m => parts.Contains(m.Part)).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
            .ToListAsync(cancellationToken);
        var accepted = new HashSet<(Guid CaseId, Guid UserId)>();
        foreach (var grant in grants.OrderBy(g => g.GrantedAt))
        {
            // Accepted on first opening the case, just after the grant that let them in.
            var at = grant.GrantedAt.AddSeconds(1);
            var role = IdentitySetup.RoleName(CaseParts.RoleFor(grant.Part)!.Value);
            var holders = people.Where(p => grant.UserId is { } userId ? p.Id == userId : p.OrganisationId == grant.OrganisationId && p.Roles.Contains(role));
            foreach (var person in holders.Where(p => accepted.Add((grant.CaseId, p.Id))))
            {
                db.UndertakingAcceptances.Add(new UndertakingAcceptance
                {
                    Id = Guid.CreateVersion7(at), CaseId = grant.CaseId, UserId = person.Id, TermsVersion = ConfidentialityUndertaking.CurrentTerms,
                    Part = grant.Part, AcceptedAt = at,
                });
                db.Add(new CaseEvent
                {
                    Id = Guid.CreateVersion7(at), CaseId = grant.CaseId, At = at, ActorId = person.Id, ActorName = person.DisplayName,
                    ActorPart = grant.Part, What = "UndertakingAccepted", Reason = ConfidentialityUndertaking.CurrentTerms,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
