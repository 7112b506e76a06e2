using CyberReview.Data;
using CyberReview.Data.Demo;
using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyberReview.Web.Tests.Harness;

/// <summary>
/// CyberReview in-process on a database of its own: a fresh SQLite folder, or a fresh PostgreSQL
/// database that is migrated the way an operator would (`cyberreview db migrate`) before the app starts.
/// </summary>
public sealed class CyberReviewApp : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"cyberreview-tests-{Guid.NewGuid():N}");
    private readonly string? _postgresDatabase;
    private readonly string? _postgresBase;

    public Database Engine { get; }
    public string ConnectionString { get; }
    public IReadOnlyList<DemoSignIn> SignIns { get; private set; } = [];

    private CyberReviewApp(Database engine, string? postgresBase, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        Engine = engine;
        Settings = settings;
        _services = services;
        if (engine == Database.Postgres)
        {
            _postgresBase = postgresBase;
            _postgresDatabase = $"cr_web_{Guid.NewGuid():N}";
            ConnectionString = new NpgsqlConnectionStringBuilder(postgresBase) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(_dataDirectory, "cyberreview.db")}";
        }
    }

    private IDictionary<string, string?> Settings { get; }

    private readonly Action<IServiceCollection>? _services;

    /// <summary>
    /// Starts an app on the engine, with the demo data loaded: in memory, or with <paramref name="listen"/> on
    /// a free loopback port that a real browser can reach at <see cref="ClientOptions"/>' base address.
    /// <paramref name="services"/> replaces services (a fake clock) in an app of the test's own.
    /// </summary>
    public static async Task<CyberReviewApp> StartAsync(Database engine, IDictionary<string, string?>? settings = null, bool migrate = true, bool listen = false,
        Action<IServiceCollection>? services = null)
    {
        var postgresBase = engine == Database.Postgres ? PostgresServer.BaseConnectionString() : null;
        var app = new CyberReviewApp(engine, postgresBase, settings ?? new Dictionary<string, string?>(), services);
        if (engine == Database.Postgres)
            await app.CreatePostgresDatabaseAsync(migrate);
        if (listen)
            app.UseKestrel(0);
        app.StartServer();
        await app.LoadDemoAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Production runs from published output; from build output the stylesheet needs the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Engine.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        // One app serves many tests from one address; the per-address limit gets its own test.
        builder.UseSetting("SignIn:AttemptsPerAddress", "100000");
        builder.UseSetting("PublicReports:PerAddressPerHour", "100000");
        // Sessions are shared by many tests through a long run; step-up has tests of its own, on apps that set this back.
        builder.UseSetting("SignIn:StepUpMinutes", "1440");
        // The embedded (SQLite) installation generates its vault key into the data folder; PostgreSQL must be given one.
        if (Engine == Database.Postgres)
            builder.UseSetting("Vault:KeyEncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<ReviewDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<ReviewDbContext>());
    }

    public DemoSignIn SignInFor(CyberReview.Reviews.Access.Role role) => SignIns.Single(s => s.Role == role);

    private async Task CreatePostgresDatabaseAsync(bool migrate)
    {
        await using (var connection = new NpgsqlConnection(_postgresBase))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        if (!migrate)
            return;
        await using var db = new PostgresReviewDbContext(new DbContextOptionsBuilder<PostgresReviewDbContext>().UseNpgsql(ConnectionString).Options);
        await db.MigrateAsync();
    }

    private async Task LoadDemoAsync()
    {
        if (Engine == Database.Sqlite)
        {
            SignIns = DemoSignInFile.Load(_dataDirectory);
            return;
        }
        await using var scope = Scope();
        // As `cyberreview demo seed` and the embedded installation's first start do: the demo, signed.
        var result = await DemoSeeding.SeedAsync(scope.ServiceProvider);
        SignIns = Assert.IsType<DemoSeedResult.Seeded>(result).SignIns;
    }

    public async Task DropPostgresDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresBase);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Engine == Database.Postgres)
            await DropPostgresDatabaseAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
