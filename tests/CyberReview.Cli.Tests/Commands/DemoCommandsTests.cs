using System.Text.RegularExpressions;
using CyberReview.Data;
using CyberReview.Data.Demo;
using CyberReview.Data.Signatures;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Cli.Tests.Commands;

public sealed partial class DemoCommandsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Seed_prints_one_working_sign_in_per_role_and_a_second_seed_reports_already_seeded(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);

        var seed = await installation.RunAsync("demo", "seed");

        Assert.Equal(0, seed.ExitCode);
        var signIns = SignIns(seed.Output);
        Assert.Equal(8, signIns.Count);
        Assert.Equal(Enum.GetValues<Role>().Order(), signIns.Select(s => s.Role).Order());
        var verified = await installation.InspectAsync(async (_, users) =>
        {
            var count = 0;
            foreach (var signIn in signIns)
            {
                var user = await users.FindByEmailAsync(signIn.Email);
                if (user is not null && await users.CheckPasswordAsync(user, signIn.Password) && await users.IsInRoleAsync(user, signIn.Role.ToString()))
                    count++;
            }
            return count;
        });
        Assert.Equal(8, verified);
        // One user per role with a sign-in, and the demo expert's colleagues in the pool, who only sit on panels.
        var expert = signIns.Single(s => s.Role == Role.Expert).Email;
        var colleagues = await installation.InspectAsync((db, _) => db.ExpertProfiles.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email != expert)));
        var seeded = await installation.InspectAsync((db, _) => db.Users.CountAsync());
        Assert.True(colleagues >= 4, $"{colleagues} experts besides the demo expert");
        Assert.Equal(8 + colleagues, seeded);

        var again = await installation.RunAsync("demo", "seed");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already seeded", again.Output, StringComparison.Ordinal);
        Assert.Equal(signIns, SignIns(again.Output));
        Assert.Equal(seeded, await installation.InspectAsync((db, _) => db.Users.CountAsync()));
        Assert.Equal(seeded, await installation.InspectAsync((db, _) => db.Users.CountAsync(u => u.IsDemo)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Seeded_reports_and_decisions_are_signed_and_verify_in_the_web_app_s_key_ring(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);

        Assert.Equal(0, (await installation.RunAsync("demo", "seed")).ExitCode);

        var checks = await installation.InspectAsync(async services =>
        {
            var db = services.GetRequiredService<ReviewDbContext>();
            var records = services.GetRequiredService<SignedRecords>();
            var views = new List<SignatureView>();
            foreach (var report in await db.EvaluationReports.Select(r => r.Id).ToListAsync())
                views.Add(await records.CheckReportAsync(report, CancellationToken.None));
            foreach (var decision in await db.Decisions.Select(d => d.Id).ToListAsync())
                views.Add(await records.CheckDecisionAsync(decision, CancellationToken.None));
            return views;
        });
        Assert.True(checks.Count >= 2, $"{checks.Count} signed records in the demo");
        Assert.All(checks, check => Assert.True(check.Verified, $"{check.Failure}"));
        // Another process (the web app) signs with the keys the command made: their private halves are in the shared key ring.
        var resigned = await installation.InspectAsync(async services =>
        {
            var db = services.GetRequiredService<ReviewDbContext>();
            var report = await db.EvaluationReports.OrderBy(r => r.Id).FirstAsync();
            report.Signature = null;
            await db.SaveChangesAsync();
            await services.GetRequiredService<SignedRecords>().SignDemoRecordsAsync(CancellationToken.None);
            return await services.GetRequiredService<SignedRecords>().CheckReportAsync(report.Id, CancellationToken.None);
        });
        Assert.True(resigned.Verified);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Seed_refuses_a_database_that_holds_a_real_administrator(DatabaseProvider provider)
    {
        await using var installation = TestInstallation.Create(provider);
        Assert.Equal(0, (await installation.RunAsync("db", "migrate")).ExitCode);
        Assert.Equal(0, (await installation.RunAsync("users", "create-admin", "--email", "ada@office.example", "--name", "Ada Lovelace")).ExitCode);

        var seed = await installation.RunAsync("demo", "seed");

        seed.AssertRefused("not demo data");
        Assert.Empty(SignIns(seed.Output));
        Assert.Equal(1, await installation.InspectAsync((db, _) => db.Users.CountAsync()));
        Assert.Empty(DemoSignInFile.Load(installation.Options.DataDirectory));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 0)]
    [InlineData(DatabaseProvider.Postgres, 1)]
    public async Task Only_the_embedded_database_is_migrated_on_demand(DatabaseProvider provider, int exitCode)
    {
        await using var installation = TestInstallation.Create(provider);

        var seed = await installation.RunAsync("demo", "seed");

        Assert.Equal(exitCode, seed.ExitCode);
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("Applied ", seed.Output, StringComparison.Ordinal);
            Assert.Equal(8, SignIns(seed.Output).Count);
        }
        else
        {
            seed.AssertRefused("Run `cyberreview db migrate`");
        }
    }

    private static List<DemoSignIn> SignIns(string output) =>
        [.. SignInLine().Matches(output).Select(m => new DemoSignIn(Enum.Parse<Role>(m.Groups["role"].Value), m.Groups["email"].Value, m.Groups["password"].Value))];

    // Role, email, password, and for the roles that need a second factor, the demo authenticator key.
    [GeneratedRegex(@"^\s+(?<role>\w+)\s+(?<email>\S+@demo\.cyberreview\.local)\s+(?<password>\S+)(?:[ ]+(?<key>[A-Z2-7]+))?[ ]*$", RegexOptions.Multiline)]
    private static partial Regex SignInLine();
}
