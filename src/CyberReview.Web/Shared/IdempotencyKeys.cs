using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Shared;

/// <summary>
/// The Idempotency-Key header on POSTs that create: a retry with the same key, by the same user, for the same
/// operation, answers with what the first request created instead of creating a second one.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 100;

    /// <summary>The key to honour, or null: keys longer than the column are the client's mistake, not a reason to fail the request.</summary>
    public static string? Usable(string? key) => key is { Length: > 0 and <= MaxLength } ? key : null;

    /// <summary>What an earlier request with this key created, if any.</summary>
    public static async Task<Guid?> PreviousAsync(ReviewDbContext db, ClaimsPrincipal user, string? key, string operation, CancellationToken cancellationToken)
    {
        if (key is null)
            return null;
        var userId = user.UserId();
        return await db.IdempotencyRecords.AsNoTracking().Where(r => r.UserId == userId && r.Operation == operation && r.Key == key)
            .Select(r => (Guid?)r.ResourceId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds the record to the unit of work, so that it saves in the same transaction as what it names.</summary>
    public static void Remember(ReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, string? key, string operation, Guid resourceId)
    {
        if (key is not null)
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = user.UserId(), Key = key, Operation = operation, ResourceId = resourceId, CreatedAt = clock.GetUtcNow() });
    }
}
