namespace CyberReview.Data;

/// <summary>Which database CyberReview uses: the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>When empty on SQLite, the database lives in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the embedded installation keeps its files. The web app and the CLI agree on it, so that
    /// <c>cyberreview</c> works on the installation that <c>dotnet run</c> started.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    public string ResolveConnectionString() => Provider switch
    {
        DatabaseProvider.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) =>
            $"Data Source={Path.Combine(DataDirectory, "cyberreview.db")}",
        DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(ConnectionString) =>
            throw new InvalidOperationException(
                "Database:Provider is Postgres but Database:ConnectionString is empty. " +
                "Set it, for example with the environment variable Database__ConnectionString."),
        _ => ConnectionString!,
    };

    private static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("CYBERREVIEW_DATA") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CyberReview");
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
