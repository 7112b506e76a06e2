using System.Security.Claims;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;

namespace CyberReview.Web.Features.Cases;

/// <summary>
/// The two things every feature that touches a case writes with it: a line on its timeline, and grants of
/// parts in it. Added to the case's tracked collections, so they save in the same transaction as the change.
/// </summary>
public static class CaseRecords
{
    /// <summary>Adds a timeline line: who (and in which part) did what, any state change, and why. A null user is the system itself.</summary>
    public static void Event(ReviewCase reviewCase, TimeProvider clock, ClaimsPrincipal? user, CaseActor part, string what, CaseState? from, CaseState? to, string? reason)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        var now = clock.GetUtcNow();
        reviewCase.UpdatedAt = now;
        reviewCase.Events.Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(now),
            CaseId = reviewCase.Id,
            At = now,
            ActorId = user?.UserId(),
            ActorName = user is null ? CaseEvent.SystemName : user.DisplayName(),
            ActorPart = part,
            What = what,
            FromState = from,
            ToState = to,
            Reason = reason,
        });
    }

    /// <summary>Grants a part in the case to a person or to an organisation (whose staff with the fitting role then hold it).</summary>
    public static void Grant(ReviewCase reviewCase, TimeProvider clock, CaseActor part, Guid? userId = null, Guid? organisationId = null)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        if (reviewCase.Members.Any(m => m.Part == part && m.UserId == userId && m.OrganisationId == organisationId))
            return;
        reviewCase.Members.Add(new CaseMember
        {
            Id = Guid.CreateVersion7(),
            CaseId = reviewCase.Id,
            Part = part,
            UserId = userId,
            OrganisationId = organisationId,
            GrantedAt = clock.GetUtcNow(),
        });
    }
}
