namespace CyberReview.Web.Tests.Harness;

/// <summary>Every HTTP test runs once per engine: a theory over this enum.</summary>
public enum Database
{
    Sqlite,
    Postgres,
}

/// <summary>The engines as theory data.</summary>
public sealed class Databases : TheoryData<Database>
{
    public Databases()
    {
        Add(Database.Sqlite);
        Add(Database.Postgres);
    }
}

/// <summary>
/// Where the PostgreSQL server for tests is: CYBERREVIEW_TEST_POSTGRES, a base connection string
/// (host, user, password). Without it the PostgreSQL rows skip locally and fail on CI.
/// </summary>
public static class PostgresServer
{
    public static string BaseConnectionString()
    {
        var configured = Environment.GetEnvironmentVariable("CYBERREVIEW_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail("CYBERREVIEW_TEST_POSTGRES is not set; on CI the PostgreSQL tests must run.");
        Assert.Skip("PostgreSQL tests skipped: set CYBERREVIEW_TEST_POSTGRES (e.g. Host=localhost;Username=postgres;Password=postgres).");
        return "";
    }
}
