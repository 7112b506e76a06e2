using System.Diagnostics;
using System.Net.Http.Headers;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Demo;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyberReview.Bench;

/// <summary>
/// The office's paged, filtered case list and one case, on a database of many cases, measured in-process
/// (server time, no network) against a baseline request in the same run.
/// </summary>
internal static class CaseListBenchmark
{
    private const int Samples = 300;

    public static async Task RunAsync(string engine, int caseCount)
    {
        Console.WriteLine($"== {engine}: {caseCount:N0} cases");
        await using var app = await BenchApp.StartAsync(engine);
        var seeding = Stopwatch.StartNew();
        var ids = await SeedAsync(app, caseCount);
        Console.WriteLine($"seeded in {seeding.Elapsed.TotalSeconds:F1} s");

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await OfficeTokenAsync(app));
        var random = new Random(42);
        var scenarios = new (string Name, Func<string> Path)[]
        {
            ("baseline GET /health/live", () => "/health/live"),
            ("case list, page of 25", () => $"/api/v1/cases?page={random.Next(1, 200)}"),
            ("case list, state filter", () => $"/api/v1/cases?state={(random.Next(2) == 0 ? "Evaluation" : "Screening")}&page={random.Next(1, 20)}"),
            ("case list, overdue only", () => $"/api/v1/cases?overdue=true&page={random.Next(1, 20)}"),
            ("case list, text search", () => $"/api/v1/cases?search=CR-{TimeProvider.System.GetUtcNow().Year}-{random.Next(1, caseCount / 10):D5}"),
            ("one case with timeline", () => $"/api/v1/cases/{ids[random.Next(ids.Count)]}"),
        };
        double? baseline = null;
        Console.WriteLine($"{"scenario",-28} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"p95/baseline",13}");
        foreach (var (name, path) in scenarios)
        {
            for (var i = 0; i < 20; i++)
                (await client.GetAsync(path())).EnsureSuccessStatusCode();
            var times = new List<double>(Samples);
            for (var i = 0; i < Samples; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path());
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                response.EnsureSuccessStatusCode();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var p95 = Percentile(times, 0.95);
            baseline ??= p95;
            Console.WriteLine($"{name,-28} {Percentile(times, 0.50),8:F2} {p95,8:F2} {Percentile(times, 0.99),8:F2} {p95 / baseline.Value,12:F1}x");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    // Cases as the application leaves them: members, five timeline lines, a running clock, some waiting on the provider.
    private static async Task<List<Guid>> SeedAsync(BenchApp app, int caseCount)
    {
        var ids = new List<Guid>(caseCount);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        var office = await db.Organisations.Where(o => o.Kind == Reviews.Access.OrganisationKind.ReviewOffice).OrderBy(o => o.Name).Select(o => o.Id).FirstAsync();
        var providers = await db.Organisations.Where(o => o.Kind == Reviews.Access.OrganisationKind.Provider).Select(o => o.Id).ToListAsync();
        var versions = await db.ProductVersions.Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new { v.Id, p.ProviderId }).ToListAsync();
        // The office user the benchmark reads as handled every case, so its case page opens without a stated purpose.
        var actor = await db.Users.Where(u => u.Email == "office@" + DemoData.EmailDomain).Select(u => u.Id).SingleAsync();
        var institution = await db.Organisations.Where(o => o.Kind == Reviews.Access.OrganisationKind.Institution).Select(o => o.Id).FirstAsync();
        var catalogue = Reviews.Criteria.CriteriaCatalogue.Builtin();
        var states = new[] { CaseState.Submitted, CaseState.Screening, CaseState.Evaluation, CaseState.AwaitingProvider, CaseState.ExpertReview, CaseState.Decided, CaseState.Published, CaseState.NotRequired };
        var random = new Random(7);
        var start = TimeProvider.System.GetUtcNow().AddYears(-1);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        const int batch = 2000;
        for (var first = 0; first < caseCount; first += batch)
        {
            for (var n = first; n < Math.Min(caseCount, first + batch); n++)
            {
                var provider = providers[n % providers.Count];
                var at = start.AddMinutes(n * 5);
                var id = Guid.CreateVersion7(at);
                var state = states[random.Next(states.Length)];
                var stage = CaseStages.Of(state);
                var reviewCase = new ReviewCase
                {
                    Id = id,
                    Number = $"CR-{today.Year}-{n + 100:D6}",
                    Title = $"Synthetic review {n} of a network product",
                    ProviderId = provider,
                    State = state,
                    TriggerKind = (TriggerKind)(n % 6),
                    Justification = "Synthetic benchmark case.",
                    CreatedAt = at,
                    UpdatedAt = at.AddDays(random.Next(30)),
                    ClockStage = stage?.ToString(),
                    ClockStartedOn = stage is null ? null : today.AddDays(-random.Next(60)),
                    ClockLimit = stage is null ? null : 30,
                    DueOn = stage is null || state == CaseState.AwaitingProvider ? null : today.AddDays(random.Next(-20, 40)),
                    ClockPausedOn = state == CaseState.AwaitingProvider ? today.AddDays(-random.Next(10)) : null,
                    Versions = [new CaseVersion { CaseId = id, ProductVersionId = versions.First(v => v.ProviderId == provider).Id }],
                    Members =
                    [
                        new CaseMember { Id = Guid.CreateVersion7(at), CaseId = id, Part = CaseActor.Office, OrganisationId = office, GrantedAt = at },
                        new CaseMember { Id = Guid.CreateVersion7(at), CaseId = id, Part = CaseActor.Provider, OrganisationId = provider, GrantedAt = at },
                    ],
                    Events = [.. Enumerable.Range(0, 5).Select(e => new CaseEvent
                    {
                        Id = Guid.CreateVersion7(at.AddHours(e)), CaseId = id, At = at.AddHours(e), ActorId = actor, ActorName = "Bench", ActorPart = CaseActor.Office,
                        What = e == 0 ? "Opened" : nameof(CaseAction.StartScreening), Reason = "Synthetic step of a benchmark case, with a sentence of reasons.",
                    })],
                };
                db.Cases.Add(reviewCase);
                // Three findings per case, as an evaluated case carries them.
                for (var f = 0; f < 3; f++)
                {
                    var criterion = catalogue.Criteria[(n + f) % catalogue.Criteria.Count];
                    db.Findings.Add(new Data.Evaluation.Finding
                    {
                        Id = Guid.CreateVersion7(at), CaseId = id, Number = f + 1, InstitutionId = institution, RiskArea = criterion.RiskArea,
                        CatalogueVersion = catalogue.Version, CriterionId = criterion.Id, Severity = (Reviews.Findings.Severity)(f % 4),
                        Status = Reviews.Findings.FindingStatus.Open, Title = "Synthetic finding", Description = "Synthetic finding of a benchmark case.",
                        RecordedById = actor, RecordedAt = at, UpdatedAt = at,
                    });
                }
                ids.Add(id);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return ids;
    }

    internal static async Task<string> OfficeTokenAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewDbContext>();
        var office = await db.Users.SingleAsync(u => u.Email == "office@" + DemoData.EmailDomain);
        var token = Web.Features.Account.PersonalAccessTokenHandler.NewToken();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(), UserId = office.Id, Name = "bench", Prefix = token[..12], Hash = Web.Features.Account.PersonalAccessTokenHandler.HashOf(token),
            CreatedAt = TimeProvider.System.GetUtcNow(), ExpiresAt = TimeProvider.System.GetUtcNow().AddDays(1),
        });
        await db.SaveChangesAsync();
        return token;
    }
}

/// <summary>CyberReview in-process on a scratch database of its own.</summary>
internal sealed class BenchApp : WebApplicationFactory<Web.Features.Cases.CaseCommands>
{
    private readonly string _engine;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cyberreview-bench-{Guid.NewGuid():N}");
    private readonly string? _postgresBase = Environment.GetEnvironmentVariable("CYBERREVIEW_TEST_POSTGRES");
    private readonly string _database = $"cr_bench_{Guid.NewGuid():N}";

    private BenchApp(string engine) => _engine = engine;

    private string ConnectionString => _engine == "Postgres"
        ? new NpgsqlConnectionStringBuilder(_postgresBase) { Database = _database }.ConnectionString
        : $"Data Source={Path.Combine(_directory, "cyberreview.db")}";

    /// <summary>Starts the app in memory, or with <paramref name="listen"/> on a loopback port (a real socket, for streaming figures).</summary>
    public static async Task<BenchApp> StartAsync(string engine, bool listen = false)
    {
        var app = new BenchApp(engine);
        if (listen)
            app.UseKestrel(0);
        if (engine == "Postgres")
        {
            if (string.IsNullOrWhiteSpace(app._postgresBase))
                throw new InvalidOperationException("Set CYBERREVIEW_TEST_POSTGRES to benchmark PostgreSQL.");
            await using (var connection = new NpgsqlConnection(app._postgresBase))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE \"{app._database}\"", connection).ExecuteNonQueryAsync();
            }
            await using var db = new PostgresReviewDbContext(new DbContextOptionsBuilder<PostgresReviewDbContext>().UseNpgsql(app.ConnectionString).Options);
            await db.MigrateAsync();
        }
        app.StartServer();
        if (engine == "Postgres")
        {
            await using var scope = app.Services.CreateAsyncScope();
            await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<ReviewDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<User>>(), TimeProvider.System);
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSolutionRelativeContentRoot("src/CyberReview.Web", AppContext.BaseDirectory, "CyberReview.slnx");
        builder.UseSetting("Database:Provider", _engine);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:DataDirectory", _directory);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The vault benchmark uploads more than an evidence file's default limit.
        builder.UseSetting("Vault:LimitMegabytes:Evidence", "2048");
        builder.UseSetting("Vault:KeyEncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // CYBERREVIEW_BENCH_KEEP=1 keeps the database (SQLite file or PostgreSQL database) for looking at query plans.
        var keep = Environment.GetEnvironmentVariable("CYBERREVIEW_BENCH_KEEP") == "1";
        if (_engine == "Postgres" && keep)
            Console.WriteLine($"kept PostgreSQL database {_database}");
        else if (_engine == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresBase);
            await connection.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (keep)
            Console.WriteLine($"kept {_directory}");
        else if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
