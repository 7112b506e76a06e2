using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>
/// On an app of its own (the tests change stored events): parallel appends keep the chain gapless and valid, and
/// every kind of tampering with the stored trail or its checkpoints is caught, naming the first event that fails.
/// </summary>
public sealed class TamperTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Parallel_appends_stay_gapless_and_every_tampering_is_named_by_the_verifier(Database engine)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = await CyberReviewApp.StartAsync(engine, new Dictionary<string, string?> { ["Audit:CheckpointIntervalSeconds"] = "0" });
        var checkpoints = app.Services.GetRequiredService<AuditCheckpointing>();

        await AppendInParallelAsync(app, 30, cancellation);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), await app.WithDbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(cancellation)));
        Assert.Equal(30, (await checkpoints.WriteAsync(cancellation))!.Size);
        await AppendInParallelAsync(app, 10, cancellation);
        Assert.Equal(40, (await checkpoints.WriteAsync(cancellation))!.Size);
        var intact = await VerifyAsync(app, checkpoints);
        Assert.True(intact.Verified, intact.Reason);
        Assert.Equal(40, intact.Events);
        Assert.Equal(2, intact.Checkpoints);

        // A field changed with SQL.
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Action\" = 'case.view' WHERE \"Sequence\" = 7");
        await AssertFaultAsync(app, checkpoints, AuditFault.Altered, 7);
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Action\" = 'test.append' WHERE \"Sequence\" = 7");
        Assert.True((await VerifyAsync(app, checkpoints)).Verified);

        // Two events swapped in order.
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = -10 WHERE \"Sequence\" = 10");
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = 10 WHERE \"Sequence\" = 11");
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = 11 WHERE \"Sequence\" = -10");
        await AssertFaultAsync(app, checkpoints, AuditFault.Reordered, 10);
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = -10 WHERE \"Sequence\" = 10");
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = 10 WHERE \"Sequence\" = 11");
        await SqlAsync(app, "UPDATE \"AuditEvents\" SET \"Sequence\" = 11 WHERE \"Sequence\" = -10");
        Assert.True((await VerifyAsync(app, checkpoints)).Verified);

        // An event re-hashed after its link was changed: its own hash holds, the chain does not.
        var original = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 15, cancellation));
        await RewriteAsync(app, 15, e => e.PreviousHash = new byte[32]);
        await AssertFaultAsync(app, checkpoints, AuditFault.ChainBreak, 15);
        await RewriteAsync(app, 15, e => e.PreviousHash = original.PreviousHash);
        Assert.True((await VerifyAsync(app, checkpoints)).Verified);

        // The last event rewritten consistently (hash and head too): only the checkpoint catches it.
        var last = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 40, cancellation));
        await RewriteAsync(app, 40, e => e.Action = "case.view", moveHead: true);
        await AssertFaultAsync(app, checkpoints, AuditFault.CheckpointMismatch, 31);
        await RewriteAsync(app, 40, e => e.Action = last.Action, moveHead: true);
        Assert.True((await VerifyAsync(app, checkpoints)).Verified);

        // A checkpoint file altered.
        var file = Directory.GetFiles(checkpoints.Directory, "checkpoint-*.txt").Order(StringComparer.Ordinal).First();
        var note = await File.ReadAllTextAsync(file, cancellation);
        await File.WriteAllTextAsync(file, note.Replace("\n30\n", "\n29\n", StringComparison.Ordinal), cancellation);
        var forged = await VerifyAsync(app, checkpoints);
        Assert.Equal(AuditFault.CheckpointInvalid, forged.Fault);
        Assert.Contains(Path.GetFileName(file), forged.Reason);
        await File.WriteAllTextAsync(file, note, cancellation);
        Assert.True((await VerifyAsync(app, checkpoints)).Verified);

        // A checkpoint resumes from the last one's saved range, but never from one that no longer gives its signed root.
        var range = Path.Combine(checkpoints.Directory, "range-" + 40.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + ".txt");
        Assert.True(File.Exists(range));
        await File.WriteAllTextAsync(range, Convert.ToBase64String(new byte[32]) + "\n", cancellation);
        await AppendInParallelAsync(app, 5, cancellation);
        Assert.Equal(45, (await checkpoints.WriteAsync(cancellation))!.Size);
        var resumed = await VerifyAsync(app, checkpoints);
        Assert.True(resumed.Verified, resumed.Reason);
        Assert.Equal(3, resumed.Checkpoints);

        // An event deleted.
        await SqlAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 20");
        await AssertFaultAsync(app, checkpoints, AuditFault.Missing, 20);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Events_deleted_from_the_end_are_caught_by_the_head_or_a_checkpoint(Database engine)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var app = await CyberReviewApp.StartAsync(engine, new Dictionary<string, string?> { ["Audit:CheckpointIntervalSeconds"] = "0" });
        var checkpoints = app.Services.GetRequiredService<AuditCheckpointing>();
        await AppendInParallelAsync(app, 5, cancellation);
        await checkpoints.WriteAsync(cancellation);

        await SqlAsync(app, "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 5");
        await AssertFaultAsync(app, checkpoints, AuditFault.Missing, 5);
        await SqlAsync(app, "UPDATE \"AuditHead\" SET \"Sequence\" = 4");
        await AssertFaultAsync(app, checkpoints, AuditFault.Missing, 5);
    }

    private static async Task AppendInParallelAsync(CyberReviewApp app, int count, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.AuditEvents.Add(new AuditEvent { Id = Guid.CreateVersion7(now), At = now, Action = "test.append", CaseId = Guid.CreateVersion7(), ObjectKind = "case", Outcome = AuditOutcome.Allowed, ClientAddress = $"192.0.2.{i % 250}" });
            await db.SaveChangesAsync(ct);
        });

    private static Task<AuditVerification> VerifyAsync(CyberReviewApp app, AuditCheckpointing checkpoints) =>
        app.WithDbAsync(db => AuditVerifier.VerifyAsync(db, checkpoints.Directory, checkpoints.PublicKey, null, TestContext.Current.CancellationToken));

    private static async Task AssertFaultAsync(CyberReviewApp app, AuditCheckpointing checkpoints, AuditFault fault, long sequence)
    {
        var result = await VerifyAsync(app, checkpoints);
        Assert.False(result.Verified);
        Assert.True(fault == result.Fault && sequence == result.Sequence, $"expected {fault} at {sequence}, got {result.Fault} at {result.Sequence}: {result.Reason}");
    }

    private static Task<int> SqlAsync(CyberReviewApp app, string sql) => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    // What someone with write access who knows the hashing would do: change the event and give it a matching hash.
    private static async Task RewriteAsync(CyberReviewApp app, long sequence, Action<AuditEvent> change, bool moveHead = false) =>
        await app.WithDbAsync(async db =>
        {
            var e = await db.AuditEvents.AsNoTracking().SingleAsync(x => x.Sequence == sequence);
            change(e);
            var hash = AuditEventHash.Compute(e);
            await db.AuditEvents.Where(x => x.Sequence == sequence).ExecuteUpdateAsync(set => set
                .SetProperty(x => x.Action, e.Action).SetProperty(x => x.PreviousHash, e.PreviousHash).SetProperty(x => x.Hash, hash));
            if (moveHead)
                await db.AuditHeads.ExecuteUpdateAsync(set => set.SetProperty(h => h.Hash, hash));
            return 0;
        });
}
