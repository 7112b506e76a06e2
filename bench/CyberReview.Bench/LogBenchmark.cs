using System.Diagnostics;
using System.Globalization;
using CyberReview.Data;
using CyberReview.Data.Registry.Log;
using CyberReview.Reviews.Signatures;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Tiles;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CyberReview.Bench;

/// <summary>
/// The registry's transparency log store at scale: appends leaves in batches (as an import would; each batch one
/// transaction) into the real tables through RegistryLog.AppendBatchAsync, then times inclusion proofs at the final
/// size. Baseline, in the same run over the same leaves: hashing them into a compact range in memory, which is the
/// least any Merkle log must do.
/// </summary>
internal static class LogBenchmark
{
    public static async Task RunAsync(string engine, long entries, int batch)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cyberreview-bench-log-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var postgresBase = Environment.GetEnvironmentVariable("CYBERREVIEW_TEST_POSTGRES");
        var database = $"cr_bench_log_{Guid.NewGuid():N}";
        Func<ReviewDbContext> open;
        if (engine == "Postgres")
        {
            if (string.IsNullOrWhiteSpace(postgresBase))
                throw new InvalidOperationException("Set CYBERREVIEW_TEST_POSTGRES to benchmark PostgreSQL.");
            await using (var connection = new NpgsqlConnection(postgresBase))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection).ExecuteNonQueryAsync();
            }
            var connectionString = new NpgsqlConnectionStringBuilder(postgresBase) { Database = database }.ConnectionString;
            open = () => new PostgresReviewDbContext(new DbContextOptionsBuilder<PostgresReviewDbContext>().UseNpgsql(connectionString).Options);
        }
        else
        {
            var connectionString = $"Data Source={Path.Combine(directory, "log.db")}";
            open = () => new SqliteReviewDbContext(new DbContextOptionsBuilder<SqliteReviewDbContext>().UseSqlite(connectionString).Options);
        }
        try
        {
            await using (var db = open())
                await db.MigrateAsync();
            Console.WriteLine($"log benchmark on {engine}: {entries:N0} entries in batches of {batch:N0}");

            var baseline = CompactRange.Empty;
            var baselineTime = TimeSpan.Zero;
            var storeTime = TimeSpan.Zero;
            RegistryLogHead head;
            var clock = Stopwatch.StartNew();
            await using (var db = open())
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var appender = await RegistryLog.OpenAsync(db, CancellationToken.None);
                head = new RegistryLogHead(0, MerkleHash.EmptyTree);
                var hashes = new MerkleHash[batch];
                for (long done = 0; done < entries;)
                {
                    var count = (int)Math.Min(batch, entries - done);
                    var leaves = Enumerable.Range(0, count).Select(i => new RegistryLogLeaf { ChangeId = Guid.CreateVersion7(), Data = Record(done + i) }).ToList();

                    var started = Stopwatch.GetTimestamp();
                    for (var i = 0; i < count; i++)
                        hashes[i] = MerkleHash.OfLeaf(leaves[i].Data);
                    baseline = baseline.AppendRange(hashes.AsSpan(0, count));
                    _ = baseline.Root;
                    baselineTime += Stopwatch.GetElapsedTime(started);

                    started = Stopwatch.GetTimestamp();
                    head = await RegistryLog.AppendBatchAsync(db, appender, leaves, CancellationToken.None);
                    storeTime += Stopwatch.GetElapsedTime(started);
                    done += count;
                    if (done % (entries / 10 is > 0 and var tenth ? tenth : entries) < count || done == entries)
                        Console.WriteLine($"  {done,12:N0} appended, {done / storeTime.TotalSeconds,10:N0}/s so far ({clock.Elapsed:hh\\:mm\\:ss} elapsed)");
                }
            }
            if (head.Root != baseline.Root)
                throw new InvalidOperationException($"The store's root {head.Root} differs from the baseline's {baseline.Root}.");

            // Inclusion proofs at the final size, from a fresh context (nothing cached): random leaves, each verified.
            var random = new Random(42);
            var times = new List<double>();
            await using (var db = open())
            {
                for (var i = 0; i < 220; i++)
                {
                    var index = (ulong)random.NextInt64(head.Size);
                    var started = Stopwatch.GetTimestamp();
                    // As RegistryLog.ProofForAsync reads it: whole tiles, one query per tile level, nothing kept between proofs.
                    var proof = await TiledTree.InclusionAsync(new RegistryLog.StoredHashes(db, (ulong)head.Size), index, (ulong)head.Size, CancellationToken.None);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (i >= 20)
                        times.Add(elapsed);
                    proof.Verify(MerkleHash.OfLeaf(Record((long)index)), head.Root);
                }
            }
            times.Sort();
            var size = engine == "Postgres" ? "" : $", database file {new FileInfo(Path.Combine(directory, "log.db")).Length / 1e9:N2} GB";
            Console.WriteLine($"  store:    {entries / storeTime.TotalSeconds,12:N0} appends/s ({storeTime.TotalSeconds:N1} s){size}");
            Console.WriteLine($"  baseline: {entries / baselineTime.TotalSeconds,12:N0} leaves/s hashed in memory ({baselineTime.TotalSeconds:N1} s)");
            Console.WriteLine($"  inclusion proof at {head.Size:N0} entries: median {times[times.Count / 2]:N2} ms, p99 {times[(int)(times.Count * 0.99)]:N2} ms, max {times[^1]:N2} ms (200 proofs, each verified)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (engine == "Postgres")
            {
                await using var connection = new NpgsqlConnection(postgresBase);
                await connection.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    // A public leaf of the size a real one has: a registry change and the entry it publishes, in canonical JSON.
    private static byte[] Record(long index) => CanonicalJson.Encode(new Dictionary<string, object?>
    {
        ["v"] = 1,
        ["index"] = index,
        ["change"] = new Dictionary<string, object?> { ["sequence"] = index + 1, ["kind"] = "Published", ["at"] = "2026-11-26T10:00:00.000000Z", ["reason"] = null, ["status"] = "Published" },
        ["entry"] = new Dictionary<string, object?>
        {
            ["id"] = new Guid((int)(index >> 16), (short)index, 0, new byte[8]).ToString(), ["provider"] = "Northwind Networks Ltd.",
            ["product"] = "Edge Gateway " + index.ToString(CultureInfo.InvariantCulture), ["versions"] = new[] { "Edge Gateway 5.2" },
            ["outcome"] = "Pass", ["decidedOn"] = "2026-11-20", ["validFrom"] = "2026-11-20", ["validUntil"] = "2029-11-20",
            ["publishedAt"] = "2026-11-26T10:00:00.000000Z", ["visibility"] = "Public",
        },
    });
}
