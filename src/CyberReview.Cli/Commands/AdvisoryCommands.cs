using System.CommandLine;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Findings;
using CyberReview.SupplyChain.Advisories;

namespace CyberReview.Cli.Commands;

/// <summary>
/// <c>cyberreview advisories import PATH…</c>: OSV advisories into the installation's database, for monitoring. A record
/// already there is replaced only when the imported one was modified later; invalid records are counted and left out.
/// </summary>
internal static class AdvisoryCommands
{
    public static Command Create(CommandHost host)
    {
        var paths = new Argument<string[]>("PATH") { Description = "OSV advisories: record files, folders or zip archives (JSON or YAML).", Arity = ArgumentArity.OneOrMore };
        var alertSeverity = new Option<string>("--alert-severity")
        {
            Description = "Raise a monitoring alert when an advisory newly affects a published product at or above this severity.",
            DefaultValueFactory = _ => "high",
        };
        alertSeverity.AcceptOnlyFromAmong("low", "medium", "high", "critical");
        var import = new Command("import", "Import OSV advisories into the database; later-modified records replace earlier ones; then re-match the published products.") { paths, alertSeverity };
        import.SetAction((parse, cancellationToken) => ImportAsync(host, parse.GetRequiredValue(paths),
            Enum.Parse<Severity>(parse.GetValue(alertSeverity) ?? "high", ignoreCase: true), cancellationToken));
        return new Command("advisories", "Vulnerability advisories the installation monitors products against.") { import };
    }

    private sealed record Read(List<Advisory> Accepted, int Refused, string? FirstRefusal);

    private static async Task<int> ImportAsync(CommandHost host, string[] paths, Severity alertAt, CancellationToken cancellationToken)
    {
        var console = host.Console;
        Read read;
        try
        {
            read = await WorkProgress.RunAsync(console, progress => Task.Run(() => ReadAll(paths, progress, cancellationToken), cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or AdvisoryFormatException or InvalidDataException)
        {
            await console.Error.WriteLineAsync($"Cannot read the advisories: {e.Message}");
            return SbomCommands.BadInput;
        }
        if (read.Refused > 0)
            await console.Error.WriteLineAsync($"{read.Refused} advisory records were refused as invalid and left out (first: {read.FirstRefusal}).");

        return await host.RunAsync(async installation =>
        {
            await installation.PrepareSchemaAsync(console.Out, cancellationToken);
            var db = installation.Db;
            var imported = await AdvisoryImport.SaveAsync(db, read.Accepted, installation.Clock.GetUtcNow(), cancellationToken);
            await console.Out.WriteLineAsync($"Imported {read.Accepted.Count:N0} advisory records: {imported.Added:N0} new, {imported.Replaced:N0} replaced by a later version, {imported.Unchanged:N0} unchanged.");
            // Online monitoring: the published versions are re-matched against what changed, here and now.
            var monitored = await WorkProgress.RunAsync(console, progress =>
            {
                var step = progress.Start("Re-matching published product versions", 1);
                return AdvisoryMonitor.RematchAsync(db, imported.Changed, alertAt, installation.Clock.GetUtcNow(),
                    (done, total) => { step.Describe($"Re-matching published product versions ({done:N0} of {total:N0})"); step.Advance(1.0 / total); },
                    cancellationToken);
            });
            await console.Out.WriteLineAsync($"Monitoring: {monitored.VersionsMonitored:N0} published versions with an SBOM, {monitored.ComponentsChecked:N0} components named by the changed advisories, {monitored.AlertsRaised:N0} new alerts at or above {alertAt}.");
            return 0;
        });
    }

    private static Read ReadAll(string[] paths, WorkProgress progress, CancellationToken cancellationToken)
    {
        var accepted = new List<Advisory>();
        var refused = 0;
        string? first = null;
        foreach (var path in paths)
        {
            var step = progress.Start($"Reading advisories in {Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}");
            foreach (var result in AdvisorySource.Read(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                step.Advance(0);
                if (result.IsAccepted)
                {
                    accepted.Add(result.Advisory!);
                }
                else
                {
                    refused++;
                    first ??= $"{result.Source}: {(result.Problems.Count > 0 ? result.Problems[0] : "refused")}";
                }
            }
            step.Complete();
        }
        return new Read(accepted, refused, first);
    }
}
