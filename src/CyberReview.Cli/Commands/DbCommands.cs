using System.CommandLine;
using CyberReview.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CyberReview.Cli.Commands;

/// <summary><c>cyberreview db migrate|status</c>: the schema of the configured database.</summary>
internal static class DbCommands
{
    public static Command Create(CommandHost host)
    {
        var migrate = new Command("migrate", "Apply the migrations this version of CyberReview needs to the configured database.");
        migrate.SetAction((_, cancellationToken) => host.RunAsync(installation => MigrateAsync(installation, host.Console, cancellationToken)));

        var status = new Command("status", "Show the configured database and which migrations it has and lacks.");
        status.SetAction((_, cancellationToken) => host.RunAsync(installation => StatusAsync(installation, host.Console, cancellationToken)));

        return new Command("db", "The database: its migrations and status.") { migrate, status };
    }

    private static async Task<int> MigrateAsync(Installation installation, CliConsole console, CancellationToken cancellationToken)
    {
        var target = installation.Target;
        await console.Out.WriteLineAsync($"{target.Provider} database {target.Place}");
        var applied = await installation.Db.MigrateAsync(cancellationToken);
        if (applied.Count == 0)
        {
            await console.Out.WriteLineAsync("The database is up to date: no migration to apply.");
            return 0;
        }
        await console.Out.WriteLineAsync($"Applied {applied.Count} migration(s):");
        foreach (var migration in applied)
            await console.Out.WriteLineAsync($"  {migration}");
        return 0;
    }

    private static async Task<int> StatusAsync(Installation installation, CliConsole console, CancellationToken cancellationToken)
    {
        var target = installation.Target;
        var db = installation.Db;
        await console.Out.WriteLineAsync($"Provider:   {target.Provider}");
        await console.Out.WriteLineAsync($"Connection: {target.Redacted}");

        // Asking a missing database for its history would create an empty SQLite file; asking whether it exists does not.
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
        await console.Out.WriteLineAsync($"Database:   {(exists ? "exists" : "does not exist yet")}");
        IReadOnlyList<string> applied = exists ? [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)] : [];
        IReadOnlyList<string> pending = [.. db.Database.GetMigrations().Except(applied)];

        await WriteListAsync(console.Out, "Applied migrations", applied);
        await WriteListAsync(console.Out, "Pending migrations", pending);
        await console.Out.WriteLineAsync(pending.Count == 0
            ? "Up to date."
            : "Run `cyberreview db migrate` with the same Database settings to apply the pending migrations.");
        return 0;
    }

    private static async Task WriteListAsync(TextWriter output, string title, IReadOnlyList<string> migrations)
    {
        if (migrations.Count == 0)
        {
            await output.WriteLineAsync($"{title}: none");
            return;
        }
        await output.WriteLineAsync($"{title} ({migrations.Count}):");
        foreach (var migration in migrations)
            await output.WriteLineAsync($"  {migration}");
    }
}
