using System.CommandLine;
using System.IO.Compression;
using CyberReview.Data.Advisories;
using CyberReview.SupplyChain.Advisories;
using Microsoft.EntityFrameworkCore;

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
        var import = new Command("import", "Import OSV advisories into the database; later-modified records replace earlier ones.") { paths };
        import.SetAction((parse, cancellationToken) => ImportAsync(host, parse.GetRequiredValue(paths), cancellationToken));
        return new Command("advisories", "Vulnerability advisories the installation monitors products against.") { import };
    }

    private sealed record Read(List<Advisory> Accepted, int Refused, string? FirstRefusal);

    private static async Task<int> ImportAsync(CommandHost host, string[] paths, CancellationToken cancellationToken)
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
            var now = installation.Clock.GetUtcNow();
            // The latest record per id among those read, as the index keeps it.
            var incoming = read.Accepted
                .GroupBy(a => a.Id, StringComparer.Ordinal)
                .Select(g => g.Aggregate((a, b) => b.Modified.Value > a.Modified.Value ? b : a))
                .ToList();
            var ids = incoming.Select(a => a.Id).ToList();
            var existing = new Dictionary<string, ImportedAdvisory>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(500))
            {
                foreach (var row in await db.ImportedAdvisories.Include(a => a.Packages).Where(a => chunk.Contains(a.AdvisoryId)).ToListAsync(cancellationToken))
                    existing[row.AdvisoryId] = row;
            }

            int added = 0, replaced = 0, unchanged = 0;
            foreach (var advisory in incoming)
            {
                if (advisory.Id.Length > ImportedAdvisory.MaxIdLength)
                    continue;
                if (existing.TryGetValue(advisory.Id, out var row))
                {
                    // Compared as read from the stored text: SQLite keeps DateTimeOffset as text, not always to the tick.
                    if (!(advisory.Modified.Value > OsvTimestamp.Parse(row.Modified).Value))
                    {
                        unchanged++;
                        continue;
                    }
                    db.ImportedAdvisoryPackages.RemoveRange(row.Packages);
                    Fill(row, advisory, now);
                    replaced++;
                }
                else
                {
                    row = new ImportedAdvisory { Id = Guid.CreateVersion7(now), AdvisoryId = advisory.Id, Modified = "", OsvJson = [] };
                    Fill(row, advisory, now);
                    db.ImportedAdvisories.Add(row);
                    added++;
                }
            }
            // One import, one transaction: all of it or nothing.
            await db.SaveChangesAsync(cancellationToken);
            await console.Out.WriteLineAsync($"Imported {read.Accepted.Count:N0} advisory records: {added:N0} new, {replaced:N0} replaced by a later version, {unchanged:N0} unchanged.");
            return 0;
        });
    }

    private static void Fill(ImportedAdvisory row, Advisory advisory, DateTimeOffset now)
    {
        row.Modified = advisory.Modified.Text;
        row.ModifiedAt = advisory.Modified.Value;
        row.Withdrawn = advisory.IsWithdrawn;
        row.ImportedAt = now;
        row.OsvJson = Compress(OsvWriter.Write(advisory));
        row.Packages = [.. advisory.Affected
            .Where(p => p.HasPackage)
            .Select(p => PackageKey.For(p.Ecosystem!, p.Name!))
            .Where(k => k.Name.Length <= ImportedAdvisoryPackage.MaxNameLength)
            .Distinct()
            .Select(k => new ImportedAdvisoryPackage { Id = Guid.CreateVersion7(now), AdvisoryId = row.Id, Ecosystem = k.Ecosystem, Name = k.Name })];
    }

    private static byte[] Compress(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
            gzip.Write(json);
        return buffer.ToArray();
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
