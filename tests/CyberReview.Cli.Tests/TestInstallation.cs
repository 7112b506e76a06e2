using CyberReview.Data;
using CyberReview.Data.Identity;
using CyberReview.Data.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CyberReview.Cli.Tests;

/// <summary>What one run of the command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>An expected failure: exit code 1 and one line on standard error that says why, never a stack trace.</summary>
    public void AssertRefused(string because)
    {
        Assert.Equal(1, ExitCode);
        Assert.Contains(because, Error, StringComparison.Ordinal);
        Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }
}

/// <summary>
/// A new, empty installation for one test: a temporary data folder and, on PostgreSQL, a database of its own
/// (named cr_cli_…, created by the CLI's own migrate, dropped on disposal). PostgreSQL comes from
/// CYBERREVIEW_TEST_POSTGRES; without it the PostgreSQL rows are skipped, except on CI, where they fail.
/// </summary>
internal sealed class TestInstallation : IAsyncDisposable
{
    public const string PostgresVariable = "CYBERREVIEW_TEST_POSTGRES";

    private readonly string? _postgresServer;

    private TestInstallation(DatabaseOptions options, string? postgresServer)
    {
        Options = options;
        _postgresServer = postgresServer;
        Configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = options.Provider.ToString(),
            // Set even when empty, so a Database__ConnectionString on the machine cannot leak into a SQLite test.
            ["Database:ConnectionString"] = options.ConnectionString ?? "",
            ["Database:DataDirectory"] = options.DataDirectory,
        };
    }

    public DatabaseOptions Options { get; }

    /// <summary>The configuration the CLI sees; a test may change it before running a command.</summary>
    public Dictionary<string, string?> Configuration { get; }

    public static TestInstallation Create(DatabaseProvider provider)
    {
        string? postgresServer = null;
        string? connectionString = null;
        if (provider == DatabaseProvider.Postgres)
        {
            postgresServer = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(postgresServer))
            {
                var hint = $"{PostgresVariable} is not set; set it to a server connection string such as \"Host=localhost;Username=postgres;Password=postgres\".";
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                    Assert.Fail($"CI must run the PostgreSQL tests: {hint}");
                Assert.Skip($"PostgreSQL tests skipped: {hint}");
            }
            connectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = $"cr_cli_{Guid.NewGuid():N}" }.ConnectionString;
        }
        var dataDirectory = Directory.CreateTempSubdirectory("cr-cli-").FullName;
        return new TestInstallation(new DatabaseOptions { Provider = provider, ConnectionString = connectionString, DataDirectory = dataDirectory }, postgresServer);
    }

    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new CliConsole(new StringReader(input), output, error), Configuration);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Looks at the database through services of its own, not the CLI's.</summary>
    public Task<T> InspectAsync<T>(Func<ReviewDbContext, UserManager<User>, Task<T>> inspect) =>
        InspectAsync(services => inspect(services.GetRequiredService<ReviewDbContext>(), services.GetRequiredService<UserManager<User>>()));

    /// <summary>Looks at the installation through services of its own wired as the web app wires them (its key ring included).</summary>
    public async Task<T> InspectAsync<T>(Func<IServiceProvider, Task<T>> inspect)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddReviewDatabase(Options);
        services.AddReviewIdentityCore();
        services.AddReviewSigning();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        return await inspect(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(Options.ConnectionString).Database}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(Options.DataDirectory, recursive: true);
    }
}
