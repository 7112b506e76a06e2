using System.CommandLine;
using CyberReview.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace CyberReview.Cli;

/// <summary>The <c>cyberreview</c> command: one line per command group, each in Commands/.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliConsole.Standard);

    /// <summary>
    /// Runs one command line. The database comes from the <c>Database</c> section of the configuration, read from
    /// environment variables (<c>Database__Provider</c>, <c>Database__ConnectionString</c>, <c>Database__DataDirectory</c>)
    /// as the web app reads them; <paramref name="configurationOverrides"/> lets tests name their own database.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IReadOnlyDictionary<string, string?>? configurationOverrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(configurationOverrides ?? new Dictionary<string, string?>())
            .Build();
        var host = new CommandHost(console, configuration);

        var root = new RootCommand("Administers a CyberReview installation: its database, demo data and users; and verifies signed documents.")
        {
            DbCommands.Create(host),
            DemoCommands.Create(host),
            UserCommands.Create(host),
            VerifyCommands.Create(host),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
