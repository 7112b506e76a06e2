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

        var root = new RootCommand("Administers a CyberReview installation (its database, demo data, users and audit trail), analyses SBOMs and verifies signed documents.")
        {
            DbCommands.Create(host),
            DemoCommands.Create(host),
            UserCommands.Create(host),
            AuditCommands.Create(host),
            SbomCommands.Create(host),
            AdvisoryCommands.Create(host),
            VerifyCommands.Create(host),
            LogCommands.Create(host),
        };
        var parse = root.Parse(args);
        // sbom analyze promises CI pipelines 1 for findings only; a command line it cannot use is bad input (2).
        if (parse.Errors.Count > 0 && SbomCommands.Owns(parse.CommandResult.Command))
        {
            foreach (var error in parse.Errors)
                await console.Error.WriteLineAsync(error.Message);
            return SbomCommands.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
