using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.RateLimiting;

/// <summary>
/// A count of attempts per key in one fixed window. It lives in the shared database, so a limit holds
/// across every web instance behind the load balancer.
/// </summary>
public sealed class RateLimitWindow
{
    public required string Key { get; set; }

    /// <summary>Start of the window in Unix seconds.</summary>
    public long WindowStart { get; set; }
    public int Count { get; set; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> window)
    {
        window.HasKey(w => new { w.Key, w.WindowStart });
        window.Property(w => w.Key).HasMaxLength(200);
        window.HasIndex(w => w.WindowStart);
    }
}

public static class RateLimitWindows
{
    /// <summary>
    /// Counts one more attempt for the key in the window and returns the new count, atomically
    /// (one upsert statement on both engines), and forgets windows that ended long ago.
    /// </summary>
    public static async Task<int> CountAttemptAsync(this ReviewDbContext db, string key, long windowStart, CancellationToken cancellationToken = default)
    {
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimitWindows" ("Key", "WindowStart", "Count") VALUES ({key}, {windowStart}, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        var forgetBefore = windowStart - 86_400;
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "RateLimitWindows" WHERE "WindowStart" < {forgetBefore}""", cancellationToken);
        return counts[0];
    }
}
