using CyberReview.Data;
using CyberReview.Data.Registry;
using CyberReview.Reviews.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Registry;

/// <summary>
/// The registry's change log, appended in the transaction of the case move that causes the change.
/// <para>
/// Numbering: each change takes the highest committed sequence plus one, and a unique index on the sequence refuses a
/// number taken twice; the loser renumbers and saves again (<see cref="RenumberAsync"/>). We chose this over a database
/// sequence (PostgreSQL SEQUENCE, SQLite AUTOINCREMENT) because a sequence hands out numbers at insert time, not at commit:
/// a transaction holding 7 can commit after one holding 8, so a reader at cursor 8 would never see 7; and a rolled-back
/// transaction leaves a hole. With max + 1, a writer can only take N + 1 after reading N as committed, and on
/// PostgreSQL a second writer taking the same N + 1 waits on the first's uncommitted index entry and then collides;
/// SQLite has one writer at a time. So the guarantee is: sequences are gapless and become visible in order — a reader
/// who has seen N will never later find a change numbered N or lower appear.
/// </para>
/// </summary>
public static class RegistryChanges
{
    private const int Attempts = 8;

    /// <summary>Adds a change to the pending transaction, numbered after every change already committed or pending.</summary>
    public static async Task AppendAsync(ReviewDbContext db, Guid entryId, RegistryChangeKind kind, DateTimeOffset at, string? reason, CaseState statusAfter, CancellationToken cancellationToken)
    {
        var pending = Pending(db).Count;
        db.RegistryChanges.Add(new RegistryChange
        {
            Id = Guid.CreateVersion7(at),
            Sequence = await HeadAsync(db, cancellationToken) + pending + 1,
            EntryId = entryId,
            Kind = kind,
            At = at,
            Reason = reason,
            StatusAfter = statusAfter,
        });
    }

    /// <summary>The highest committed sequence (0 when the log is empty).</summary>
    public static async Task<long> HeadAsync(ReviewDbContext db, CancellationToken cancellationToken) =>
        await db.RegistryChanges.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;

    /// <summary>
    /// Saves the transaction; if another writer took the same sequence numbers first, renumbers the pending changes after
    /// the new head (keeping their order) and saves again. Other failures, and a case edited concurrently, propagate.
    /// </summary>
    public static async Task SaveAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException error) when (error is not DbUpdateConcurrencyException && attempt < Attempts && Pending(db).Count > 0)
            {
                await RenumberAsync(db, cancellationToken);
            }
        }
    }

    private static async Task RenumberAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(db, cancellationToken);
        foreach (var (change, index) in Pending(db).OrderBy(c => c.Sequence).Select((c, i) => (c, i)))
            change.Sequence = head + index + 1;
    }

    private static List<RegistryChange> Pending(ReviewDbContext db) =>
        [.. db.ChangeTracker.Entries<RegistryChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];
}
