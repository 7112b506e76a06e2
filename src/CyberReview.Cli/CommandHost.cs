using CyberReview.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CyberReview.Cli;

/// <summary>
/// Runs a command's work on the configured installation. Expected failures (bad configuration, a database
/// that is behind, unreachable or refusing) become one line on standard error and exit code 1, not a stack trace.
/// </summary>
internal sealed class CommandHost(CliConsole console, IConfiguration configuration)
{
    public CliConsole Console => console;

    /// <summary>The whole configuration, for commands with settings beyond the database (the <c>Audit</c> section).</summary>
    public IConfiguration Configuration => configuration;

    public async Task<int> RunAsync(Func<Installation, Task<int>> work)
    {
        Installation installation;
        try
        {
            var options = new DatabaseOptions();
            configuration.GetSection(DatabaseOptions.Section).Bind(options);
            installation = Installation.Open(options);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            await console.Error.WriteLineAsync($"The Database configuration is not usable: {e.Message}");
            return 1;
        }

        await using (installation)
        {
            try
            {
                return await work(installation);
            }
            catch (Exception e) when (Describe(e, installation.Target) is { } failure)
            {
                await console.Error.WriteLineAsync(failure);
                return 1;
            }
        }
    }

    private static string? Describe(Exception failure, DatabaseTarget target) => failure switch
    {
        DatabaseBehindException behind => behind.Message,
        RetryLimitExceededException { InnerException: { } last } => Describe(last, target),
        PostgresException postgres => $"PostgreSQL at {target.Place} refused: {postgres.MessageText} (SQLSTATE {postgres.SqlState}).",
        NpgsqlException npgsql => $"Cannot reach PostgreSQL at {target.Place}: {Messages(npgsql)}",
        SqliteException sqlite => $"SQLite database {target.Place} failed: {sqlite.Message}",
        _ => null,
    };

    // "Failed to connect to 127.0.0.1:5432 (Connection refused)": the outer message says what, the inner why.
    private static string Messages(Exception failure) =>
        failure.InnerException is { } cause ? $"{failure.Message} ({cause.Message})" : failure.Message;
}
