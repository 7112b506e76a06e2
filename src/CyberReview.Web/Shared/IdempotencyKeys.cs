using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Shared;

/// <summary>
/// The <c>Idempotency-Key</c> header on POSTs that create: a retry with the same key, by the same person, for the
/// same operation answers with what the first request created instead of creating it again.
/// </summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>The key, or null when there is none; keys longer than the column are the client's mistake, not a reason to fail.</summary>
    public static string? Usable(string? key) => key is { Length: > 0 and <= 100 } ? key : null;

    /// <summary>What an earlier request with this key created, if any.</summary>
    public static async Task<Guid?> PreviousAsync(ReviewDbContext db, ClaimsPrincipal user, string? key, string operation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
            return null;
        var userId = user.UserId();
        return await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Operation == operation && r.Key == key)
            .Select(r => (Guid?)r.ResourceId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds the record to the unit of work, so it is saved in the same transaction as what it names.</summary>
    public static void Remember(ReviewDbContext db, TimeProvider clock, ClaimsPrincipal user, string? key, string operation, Guid resourceId)
    {
        if (!string.IsNullOrEmpty(key))
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = user.UserId(), Key = key, Operation = operation, ResourceId = resourceId, CreatedAt = clock.GetUtcNow() });
    }
}
