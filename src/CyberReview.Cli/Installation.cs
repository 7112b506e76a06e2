using CyberReview.Data;
using CyberReview.Data.Identity;
using CyberReview.Data.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberReview.Cli;

/// <summary>
/// The CyberReview installation a command works on: the database the configuration names, with Identity on
/// top, wired as the web app wires them. One scope per command.
/// </summary>
internal sealed class Installation : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private Installation(DatabaseOptions database, DatabaseTarget target, ServiceProvider services)
    {
        Database = database;
        Target = target;
        _services = services;
        _scope = services.CreateAsyncScope();
    }

    public DatabaseOptions Database { get; }

    public DatabaseTarget Target { get; }

    public ReviewDbContext Db => _scope.ServiceProvider.GetRequiredService<ReviewDbContext>();

    public UserManager<User> Users => _scope.ServiceProvider.GetRequiredService<UserManager<User>>();

    public TimeProvider Clock => _scope.ServiceProvider.GetRequiredService<TimeProvider>();

    /// <summary>The command's scope, for code shared with the web app that takes its services.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    /// <exception cref="InvalidOperationException">Postgres is named without a connection string.</exception>
    /// <exception cref="ArgumentException">The connection string is malformed.</exception>
    public static Installation Open(DatabaseOptions database)
    {
        var target = DatabaseTarget.Of(database);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            // Standard error keeps standard output clean for scripts. Errors are not logged: every error the
            // CLI meets is also thrown, and reported once, in one line, by CommandHost.
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(format => format.SingleLine = true)
            .AddFilter((_, level) => level == LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddReviewDatabase(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Someone is waiting at a terminal: a few short retries, not the web app's minute, before saying the server is unreachable.
            services.ConfigureDbContext<PostgresReviewDbContext>(db => db.UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(2, TimeSpan.FromSeconds(2), null)));
        }
        services.AddReviewIdentityCore();
        // The installation's own key ring, as the web app uses it: the demo seed signs with keys the web app signs with later.
        services.AddReviewSigning();
        return new Installation(database, target, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>
    /// Brings the embedded database up to date on demand, so that a new data folder just works; a PostgreSQL
    /// schema changes only when its operator runs <c>cyberreview db migrate</c>.
    /// </summary>
    /// <exception cref="DatabaseBehindException">PostgreSQL lacks migrations.</exception>
    public async Task PrepareSchemaAsync(TextWriter report, CancellationToken cancellationToken)
    {
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            var applied = await Db.MigrateAsync(cancellationToken);
            if (applied.Count > 0)
                await report.WriteLineAsync($"Applied {applied.Count} migration(s) to the embedded database: {string.Join(", ", applied)}.");
        }
        else
        {
            await Db.EnsureUpToDateAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
