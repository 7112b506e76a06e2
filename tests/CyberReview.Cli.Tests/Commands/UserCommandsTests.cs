using System.Text.RegularExpressions;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Cli.Tests.Commands;

public sealed partial class UserCommandsTests
{
    private static readonly string[] CreateAda = ["users", "create-admin", "--email", "ada@office.example", "--name", "Ada Lovelace"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Create_admin_makes_an_administrator_of_the_review_office_whose_printed_password_works(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);

        var run = await installation.RunAsync(CreateAda);

        Assert.Equal(0, run.ExitCode);
        var password = PrintedPassword().Match(run.Output).Groups["password"].Value;
        Assert.True(password.Length >= PasswordPolicy.MinimumLength, $"'{password}' is shorter than the policy allows.");
        var ada = await installation.InspectAsync(async (db, users) =>
        {
            var user = await users.FindByEmailAsync("ada@office.example");
            Assert.NotNull(user);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
            return new
            {
                user.DisplayName,
                user.IsDemo,
                Organisation = organisation.Name,
                organisation.Kind,
                IsAdministrator = await users.IsInRoleAsync(user, "Administrator"),
                Roles = (await users.GetRolesAsync(user)).Count,
                PasswordWorks = await users.CheckPasswordAsync(user, password),
                WrongPasswordWorks = await users.CheckPasswordAsync(user, password + "x"),
            };
        });
        Assert.Equal("Ada Lovelace", ada.DisplayName);
        Assert.False(ada.IsDemo);
        Assert.Equal("Cybersecurity Review Office", ada.Organisation);
        Assert.Equal(OrganisationKind.ReviewOffice, ada.Kind);
        Assert.True(ada.IsAdministrator);
        Assert.Equal(1, ada.Roles);
        Assert.True(ada.PasswordWorks);
        Assert.False(ada.WrongPasswordWorks);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Create_admin_with_a_taken_email_exits_1_and_changes_nothing(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);
        var first = await installation.RunAsync(CreateAda);
        var password = PrintedPassword().Match(first.Output).Groups["password"].Value;

        var again = await installation.RunAsync("users", "create-admin", "--email", "ADA@office.example", "--name", "Someone Else", "--organisation", "Other Office");

        again.AssertRefused("ada@office.example already exists");
        Assert.DoesNotContain("Password:", again.Output, StringComparison.Ordinal);
        var after = await installation.InspectAsync(async (db, users) => new
        {
            Users = await db.Users.CountAsync(),
            Organisations = await db.Organisations.Select(o => o.Name).ToListAsync(),
            (await users.FindByEmailAsync("ada@office.example"))!.DisplayName,
            PasswordWorks = await users.CheckPasswordAsync((await users.FindByEmailAsync("ada@office.example"))!, password),
        });
        Assert.Equal(1, after.Users);
        Assert.Equal(["Cybersecurity Review Office"], after.Organisations);
        Assert.Equal("Ada Lovelace", after.DisplayName);
        Assert.True(after.PasswordWorks);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_weak_password_on_stdin_is_refused_with_Identity_s_reasons_and_leaves_no_trace(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);

        var tooShort = await installation.RunWithInputAsync("short but ok\n", [.. CreateAda, "--password-stdin"]);
        var onTheName = await installation.RunWithInputAsync("lovelace was here in 1843\n", [.. CreateAda, "--password-stdin"]);
        var common = await installation.RunWithInputAsync("passwordpassword\n", [.. CreateAda, "--password-stdin"]);

        tooShort.AssertRefused("Use at least 15 characters");
        onTheName.AssertRefused("Do not build the password on 'Lovelace'");
        common.AssertRefused("too common");
        var left = await installation.InspectAsync(async (db, _) => await db.Users.CountAsync() + await db.Organisations.CountAsync());
        Assert.Equal(0, left);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_good_password_on_stdin_is_used_and_not_printed(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);

        var run = await installation.RunWithInputAsync("violet tractor mango harbour\n", [.. CreateAda, "--password-stdin"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("violet", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password:", run.Output, StringComparison.Ordinal);
        Assert.True(await installation.InspectAsync(async (_, users) =>
            await users.CheckPasswordAsync((await users.FindByEmailAsync("ada@office.example"))!, "violet tractor mango harbour")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Create_admin_refuses_an_organisation_that_is_not_a_review_office(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);
        Assert.Equal(0, (await installation.RunAsync("demo", "seed")).ExitCode);
        var seeded = await installation.InspectAsync((db, _) => db.Users.CountAsync());

        var run = await installation.RunAsync([.. CreateAda, "--organisation", "Northwind Networks Ltd."]);

        run.AssertRefused("Northwind Networks Ltd. is a Provider organisation");
        Assert.Equal(seeded, await installation.InspectAsync((db, _) => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task List_shows_each_user_with_organisation_roles_and_status(DatabaseProvider provider)
    {
        await using var installation = await MigratedAsync(provider);
        var empty = await installation.RunAsync("users", "list");
        Assert.Contains("No users yet", empty.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await installation.RunAsync(CreateAda)).ExitCode);
        Assert.Equal(0, (await installation.RunAsync("users", "create-admin", "--email", "grace@office.example", "--name", "Grace Hopper")).ExitCode);
        await installation.InspectAsync(async (_, users) =>
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("grace@office.example"))!, new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var list = await installation.RunAsync("users", "list");

        Assert.Equal(0, list.ExitCode);
        var rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.Matches(@"^Email\s+Name\s+Organisation\s+Roles\s+Status$", rows[0]);
        Assert.Matches(@"^ada@office\.example\s+Ada Lovelace\s+Cybersecurity Review Office\s+Administrator\s+active$", rows[2]);
        Assert.Matches(@"^grace@office\.example\s+Grace Hopper\s+Cybersecurity Review Office\s+Administrator\s+locked out until 2999-01-01", rows[3]);
        Assert.Equal(1, await installation.InspectAsync((db, _) => db.Organisations.CountAsync()));
    }

    private static async Task<TestInstallation> MigratedAsync(DatabaseProvider provider)
    {
        var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);
        return installation;
    }

    [GeneratedRegex(@"^Password: (?<password>\S+)$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();
}
