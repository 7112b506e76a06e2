using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Audit;

/// <summary>
/// Links new events onto the chain inside the transaction that saves them. The head row is updated first, so
/// that the transaction takes the append lock (PostgreSQL's row lock; SQLite's write lock) before it reads the
/// chain's end: two appenders can never read the same end, and a rolled-back action rolls its events back too.
/// </summary>
internal static class AuditChain
{
    public static List<AuditEvent> Pending(ReviewDbContext db) =>
        [.. db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).OrderBy(e => e.At)];

    public static async Task LinkAsync(ReviewDbContext db, IReadOnlyList<AuditEvent> pending, CancellationToken cancellationToken)
    {
        var count = pending.Count;
        await db.AuditHeads.Where(h => h.Id == AuditHead.TheOne)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Sequence, h => h.Sequence + count), cancellationToken);
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.TheOne, cancellationToken);
        var sequence = head.Sequence - count;
        var previous = head.Hash;
        foreach (var e in pending)
        {
            e.Sequence = ++sequence;
            e.At = AuditEventHash.Normalize(e.At);
            e.PreviousHash = previous;
            e.Hash = AuditEventHash.Compute(e);
            previous = e.Hash;
        }
        await db.AuditHeads.Where(h => h.Id == AuditHead.TheOne)
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.Hash, previous), cancellationToken);
    }
}
