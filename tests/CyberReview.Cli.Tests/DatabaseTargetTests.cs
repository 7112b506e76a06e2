using CyberReview.Data;

namespace CyberReview.Cli.Tests;

public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("Host=db.example;Username=review;Password=Secret-Sauce-42;Database=cyberreview")]
    [InlineData("Server=db.example;User Id=review;Pwd=Secret-Sauce-42")]
    [InlineData("Host=db.example;SSL Password=Secret-Sauce-42;password=Secret-Sauce-42")]
    [InlineData("Data Source=/var/lib/cyberreview/cyberreview.db;Password='Secret-Sauce-42'")]
    public void Redaction_removes_every_password(string connectionString)
    {
        var redacted = DatabaseTarget.Redact(connectionString);

        Assert.DoesNotContain("Secret-Sauce-42", redacted, StringComparison.Ordinal);
        Assert.Contains("db", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_place_of_a_postgres_database_is_host_port_and_name()
    {
        var target = DatabaseTarget.Of(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = "Host=db.example;Port=6432;Username=review;Password=x;Database=cyberreview",
        });

        Assert.Equal("db.example:6432/cyberreview", target.Place);
    }
}
