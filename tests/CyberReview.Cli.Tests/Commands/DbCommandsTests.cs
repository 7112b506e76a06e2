using System.Text.RegularExpressions;
using CyberReview.Data;

namespace CyberReview.Cli.Tests.Commands;

public sealed partial class DbCommandsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_applies_each_migration_once_and_status_then_shows_none_pending(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);

        var before = await installation.RunAsync("db", "status");
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("does not exist yet", before.Output, StringComparison.Ordinal);
        Assert.Contains("Pending migrations (", before.Output, StringComparison.Ordinal);

        var migrate = await installation.RunAsync("db", "migrate");
        Assert.Equal(0, migrate.ExitCode);
        var applied = MigrationId().Matches(migrate.Output).Select(m => m.Value).ToList();
        Assert.NotEmpty(applied);

        var again = await installation.RunAsync("db", "migrate");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("up to date", again.Output, StringComparison.Ordinal);
        Assert.Empty(MigrationId().Matches(again.Output));

        var after = await installation.RunAsync("db", "status");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains($"Provider:   {provider}", after.Output, StringComparison.Ordinal);
        Assert.Contains("Database:   exists", after.Output, StringComparison.Ordinal);
        Assert.Contains("Pending migrations: none", after.Output, StringComparison.Ordinal);
        Assert.Equal(applied, MigrationId().Matches(after.Output).Select(m => m.Value));
    }

    [Fact]
    public async Task Status_shows_the_connection_string_without_its_password()
    {
        await using var installation = TestInstallation.Create(DatabaseProvider.Sqlite);
        installation.Configuration["Database:ConnectionString"] = $"Data Source={Path.Combine(installation.Options.DataDirectory, "other.db")};Password=Secret-Sauce-42";

        var status = await installation.RunAsync("db", "status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("other.db", status.Output, StringComparison.Ordinal);
        Assert.Contains("=***", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Sauce-42", status.Output + status.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_PostgreSQL_sign_in_is_one_line_naming_the_host_and_never_the_password()
    {
        await using var installation = TestInstallation.Create(DatabaseProvider.Postgres);
        installation.Configuration["Database:ConnectionString"] = installation.Options.ConnectionString + ";Password=Secret-Sauce-42";

        var status = await installation.RunAsync("db", "status");

        status.AssertRefused("PostgreSQL at ");
        Assert.Contains("password authentication failed", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-Sauce-42", status.Output + status.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b\d{14}_\w+")]
    private static partial Regex MigrationId();
}
