using System.IO.Compression;
using CyberReview.Data.Advisories;
using CyberReview.SupplyChain.Advisories;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Sboms;

/// <summary>What an import did, and which advisories it added or replaced (those monitoring re-matches).</summary>
public sealed record AdvisoryImportResult(int Added, int Replaced, int Unchanged, IReadOnlyList<string> Changed);

/// <summary>
/// OSV advisories into the database, for the CLI and the office's upload alike: a record already there is replaced
/// only when the imported one was modified later. One import is one transaction.
/// </summary>
public static class AdvisoryImport
{
    public static async Task<AdvisoryImportResult> SaveAsync(ReviewDbContext db, IEnumerable<Advisory> accepted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The latest record per id among those read, as the index keeps it.
        var incoming = accepted
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(g => g.Aggregate((a, b) => b.Modified.Value > a.Modified.Value ? b : a))
            .Where(a => a.Id.Length <= ImportedAdvisory.MaxIdLength)
            .ToList();
        var existing = new Dictionary<string, ImportedAdvisory>(StringComparer.Ordinal);
        foreach (var chunk in incoming.Select(a => a.Id).Chunk(500))
        {
            foreach (var row in await db.ImportedAdvisories.Include(a => a.Packages).Where(a => chunk.Contains(a.AdvisoryId)).ToListAsync(cancellationToken))
                existing[row.AdvisoryId] = row;
        }

        int added = 0, replaced = 0, unchanged = 0;
        var changed = new List<string>();
        foreach (var advisory in incoming)
        {
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
            changed.Add(advisory.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new AdvisoryImportResult(added, replaced, unchanged, changed);
    }

    /// <summary>The OSV record an imported row keeps.</summary>
    /// <exception cref="AdvisoryFormatException">The stored record no longer reads (it was valid when imported).</exception>
    public static Advisory Read(ImportedAdvisory row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var gzip = new GZipStream(new MemoryStream(row.OsvJson), CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        var result = OsvReader.Read(json.ToArray(), row.AdvisoryId);
        return result.IsAccepted ? result.Advisory! : throw new AdvisoryFormatException($"The stored advisory {row.AdvisoryId} does not read as OSV.");
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
}
