using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Audit;

/// <summary>
/// The one way to record access to case material. A write's event is added to the request's context, so it
/// commits in the action's own transaction (one SaveChanges); a read's or a refusal's event is its own small
/// transaction, on a context of its own so that nothing a handler left unsaved is saved with it.
/// </summary>
public sealed class AuditTrail(ReviewDbContext db, IHttpContextAccessor http, TimeProvider clock, IServiceScopeFactory scopes)
{
    private AuditEvent? _expected;
    private string? _purpose;

    /// <summary>Marks the rest of the request as access on a stated purpose: its events carry the purpose and the break-glass flag.</summary>
    internal void UnderStatedPurpose(string purpose) => _purpose = purpose;

    internal string? StatedPurpose => _purpose;

    /// <summary>Ends the action of a write that saved nothing (refused, invalid, or a replayed Idempotency-Key).</summary>
    public const string AttemptSuffix = ".attempt";

    // One name for one action, whichever way it came: the page's Move handler and the API's transitions endpoint.
    private static string Canonical(string action) => action switch
    {
        "case.move" or "transition.create" => "case.transition",
        _ => action,
    };

    /// <summary>
    /// Records an action on case material in the transaction of the caller's next SaveChanges. When the request's
    /// gate already expects a write, this names it more precisely instead of adding a second event.
    /// </summary>
    public void Record(string action, Guid caseId, string objectKind, Guid? objectId)
    {
        if (_expected is { } expected && db.Entry(expected).State == EntityState.Added)
        {
            expected.Action = action;
            expected.CaseId = caseId;
            expected.ObjectKind = objectKind;
            expected.ObjectId = objectId;
            return;
        }
        db.AuditEvents.Add(Describe(action, caseId, objectKind, objectId, AuditOutcome.Allowed));
    }

    /// <summary>The gate expects the handler to write: the event waits in the request's context for its SaveChanges.</summary>
    internal void Expect(string action, Guid caseId, string objectKind, Guid? objectId)
    {
        _expected = Describe(Canonical(action), caseId, objectKind, objectId, AuditOutcome.Allowed);
        db.AuditEvents.Add(_expected);
    }

    /// <summary>After the handler: an expected write that was not saved (refused, invalid, replayed) is still recorded as an attempt.</summary>
    internal async Task SettleAsync(CancellationToken cancellationToken)
    {
        if (_expected is not { } expected)
            return;
        _expected = null;
        var entry = db.Entry(expected);
        if (entry.State == EntityState.Unchanged)
            return;
        if (entry.State == EntityState.Added)
            entry.State = EntityState.Detached;
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        if (await own.AuditEvents.AnyAsync(e => e.Id == expected.Id, cancellationToken))
            return;
        // Nothing was written: the trail says so, so that a refused move never reads as a move.
        expected.Action += AttemptSuffix;
        own.AuditEvents.Add(expected);
        await own.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a read, a refusal or a stated purpose now, in its own transaction.</summary>
    public async Task AppendAsync(string action, Guid? caseId, string? objectKind, Guid? objectId, AuditOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        own.AuditEvents.Add(Describe(action, caseId, objectKind, objectId, outcome));
        await own.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Describe(string action, Guid? caseId, string? objectKind, Guid? objectId, AuditOutcome outcome)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var now = clock.GetUtcNow();
        return new AuditEvent
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            ActorId = user?.Identity?.IsAuthenticated == true ? user.UserId() : null,
            TokenId = user?.FindFirstValue(PersonalAccessTokenHandler.TokenIdClaim) is { } token ? Guid.Parse(token) : null,
            Action = action,
            CaseId = caseId,
            ObjectKind = objectKind,
            ObjectId = objectId,
            Outcome = outcome,
            ClientAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Purpose = _purpose,
            BreakGlass = _purpose is not null,
        };
    }
}
