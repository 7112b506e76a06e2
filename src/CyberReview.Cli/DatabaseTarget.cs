using System.Data.Common;
using CyberReview.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CyberReview.Cli;

/// <summary>Where the configured database is, in words fit to print: never with its password.</summary>
internal sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <exception cref="InvalidOperationException">Postgres is named without a connection string.</exception>
    /// <exception cref="ArgumentException">The connection string is malformed or has a keyword the engine does not know.</exception>
    public static DatabaseTarget Of(DatabaseOptions options)
    {
        var target = new DatabaseTarget(options.Provider, options.ResolveConnectionString());
        _ = target.Place; // Parses the connection string, so a malformed one is refused before any work starts.
        return target;
    }

    /// <summary>The SQLite file, or PostgreSQL's host, port and database.</summary>
    public string Place => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        DatabaseProvider.Postgres => PostgresPlace(new NpgsqlConnectionStringBuilder(ConnectionString)),
        _ => throw new InvalidOperationException($"Unknown database provider '{Provider}'."),
    };

    private static string PostgresPlace(NpgsqlConnectionStringBuilder postgres) =>
        $"{postgres.Host}:{postgres.Port}/{postgres.Database}";

    /// <summary>The connection string with the value of every password-like keyword replaced.</summary>
    public string Redacted => Redact(ConnectionString);

    public static string Redact(string connectionString)
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var key in settings.Keys.Cast<string>().ToList())
        {
            if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase))
                settings[key] = "***";
        }
        return settings.ConnectionString;
    }
}
