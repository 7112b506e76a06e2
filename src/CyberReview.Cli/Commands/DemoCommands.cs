using System.CommandLine;
using CyberReview.Data.Demo;

namespace CyberReview.Cli.Commands;

/// <summary><c>cyberreview demo seed</c>: demo data for trying CyberReview out.</summary>
internal static class DemoCommands
{
    public static Command Create(CommandHost host)
    {
        var seed = new Command("seed", "Fill a new database with demo organisations, products, cases (their reports and decisions signed) and one user per role, and print their sign-ins.");
        seed.SetAction((_, cancellationToken) => host.RunAsync(installation => SeedAsync(installation, host.Console, cancellationToken)));

        return new Command("demo", "Demo data for trying CyberReview out.") { seed };
    }

    private static async Task<int> SeedAsync(Installation installation, CliConsole console, CancellationToken cancellationToken)
    {
        await installation.PrepareSchemaAsync(console.Out, cancellationToken);
        var dataDirectory = installation.Database.DataDirectory;
        var result = await DemoSeeding.SeedAsync(installation.Services, cancellationToken);
        switch (result)
        {
            case DemoSeedResult.Seeded seeded:
                DemoSignInFile.Save(dataDirectory, seeded.SignIns);
                await console.Out.WriteLineAsync($"Seeded the demo data. Sign in as any of these (saved in {dataDirectory}):");
                await console.Out.WriteAsync(DemoSignInFile.Format(seeded.SignIns));
                return 0;
            case DemoSeedResult.AlreadySeeded:
                var saved = DemoSignInFile.Load(dataDirectory);
                await console.Out.WriteLineAsync(saved.Count > 0
                    ? "The demo data is already seeded. Its sign-ins:"
                    : $"The demo data is already seeded; its sign-ins are not saved in {dataDirectory}.");
                await console.Out.WriteAsync(DemoSignInFile.Format(saved));
                return 0;
            case DemoSeedResult.Refused refused:
                await console.Error.WriteLineAsync(refused.Reason);
                return 1;
            default:
                throw new InvalidOperationException($"Unknown demo seed result {result}.");
        }
    }
}
