using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data;

public static class DatabaseMigrations
{
    /// <summary>Applies every pending migration and returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(this ReviewDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>Refuses to go on when the schema is behind the code: the operator must migrate first.</summary>
    public static async Task EnsureUpToDateAsync(this ReviewDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new DatabaseBehindException(pending);
    }
}

/// <summary>The database lacks migrations this version of CyberReview needs.</summary>
public sealed class DatabaseBehindException(IReadOnlyList<string> pending) : Exception(
    $"The database is {pending.Count} migration(s) behind this version of CyberReview " +
    $"(first missing: {pending[0]}). Run `cyberreview db migrate` with the same Database settings, then start again.")
{
    public IReadOnlyList<string> Pending { get; } = pending;
}
