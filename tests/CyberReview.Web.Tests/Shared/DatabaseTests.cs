using CyberReview.Data;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Shared;

public sealed class DatabaseTests(Apps apps)
{
    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_full_synchronous_writes()
    {
        var app = await apps.For(Database.Sqlite);

        var (journal, synchronous) = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var journalMode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            var sync = await db.Database.SqlQueryRaw<int>("PRAGMA synchronous").ToListAsync();
            return (journalMode.Single(), sync.Single());
        });

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_database_gets_one_demo_user_per_role(Database engine)
    {
        var app = await apps.For(engine);

        Assert.Equal(Enum.GetValues<Role>().Order(), app.SignIns.Select(s => s.Role).Order());
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email!.EndsWith("@demo.cyberreview.local")).AllAsync(u => u.IsDemo)));
    }

    [Fact]
    public async Task The_app_refuses_to_start_on_a_postgres_database_that_is_behind()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await CyberReviewApp.StartAsync(Database.Postgres, migrate: false);
        });

        var behind = failure as DatabaseBehindException ?? failure.InnerException as DatabaseBehindException;
        Assert.NotNull(behind);
        Assert.Contains("cyberreview db migrate", behind.Message);
        Assert.NotEmpty(behind.Pending);
    }
}
