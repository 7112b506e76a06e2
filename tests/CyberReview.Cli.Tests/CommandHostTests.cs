using CyberReview.Data;

namespace CyberReview.Cli.Tests;

public sealed class CommandHostTests
{
    [Theory]
    [InlineData("Oracle", "", "Database:Provider")]
    [InlineData("Postgres", "", "Database:ConnectionString")]
    [InlineData("Sqlite", "Data Sauce=cyberreview.db", "data sauce")]
    public async Task A_configuration_naming_no_usable_database_is_refused_in_one_line(string provider, string connectionString, string named)
    {
        await using var installation = TestInstallation.Create(DatabaseProvider.Sqlite);
        installation.Configuration["Database:Provider"] = provider;
        installation.Configuration["Database:ConnectionString"] = connectionString;

        var run = await installation.RunAsync("db", "status");

        run.AssertRefused("The Database configuration is not usable");
        Assert.Contains(named, run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_command_group_without_a_command_is_a_usage_error()
    {
        await using var installation = TestInstallation.Create(DatabaseProvider.Sqlite);

        var run = await installation.RunAsync("users");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("create-admin", run.Output, StringComparison.Ordinal);
    }
}
