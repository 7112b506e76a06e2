using CyberReview.Data;
using CyberReview.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Cli.Tests.Commands;

public sealed class AuditCommandsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Verify_passes_an_intact_trail_and_names_the_first_altered_event_with_a_failing_exit_code(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);
        var empty = await installation.RunAsync("audit", "checkpoint");
        Assert.Equal("The audit trail is empty: no checkpoint to write.", empty.Output.Trim());
        Assert.Contains("Made a new audit checkpoint signing key in", empty.Error);
        Assert.True(File.Exists(Path.Combine(installation.Options.DataDirectory, "audit-signing.key")));
        await installation.InspectAsync(async (db, _) =>
        {
            for (var i = 0; i < 5; i++)
            {
                var now = TimeProvider.System.GetUtcNow();
                db.AuditEvents.Add(new AuditEvent { Id = Guid.CreateVersion7(now), At = now, Action = "case.view", CaseId = Guid.CreateVersion7(), Outcome = AuditOutcome.Allowed });
            }
            return await db.SaveChangesAsync();
        });

        var checkpoint = await installation.RunAsync("audit", "checkpoint");
        Assert.Equal(0, checkpoint.ExitCode);
        Assert.StartsWith("Checkpoint of 5 events", checkpoint.Output);
        var key = await installation.RunAsync("audit", "public-key");
        Assert.StartsWith("cyberreview.local/audit+", key.Output);
        var intact = await installation.RunAsync("audit", "verify", "--public-key", key.Output.Trim());
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains("verifies: 5 events", intact.Output);

        await installation.InspectAsync((db, _) => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"ClientAddress\" = '203.0.113.9' WHERE \"Sequence\" = 2"));
        var altered = await installation.RunAsync("audit", "verify");

        Assert.Equal(2, altered.ExitCode);
        Assert.Contains("does NOT verify at event 2 (Altered)", altered.Output);
    }
}
