using CyberReview.Data.Cases;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Findings;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Sboms;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Sboms;

/// <summary>What a re-match after an import found.</summary>
public sealed record MonitoringResult(int VersionsMonitored, int ComponentsChecked, int AlertsRaised);

/// <summary>
/// Online monitoring after an advisory import: the versions with a result in force (published, in the registry) that
/// have an analysed SBOM are re-matched against the advisories the import added or replaced. The packages those
/// advisories name are looked up in <see cref="SbomPackage"/> by ecosystem and name, and only those components are
/// matched, through an index of the changed advisories: no SBOM is opened and no component scanned otherwise.
/// </summary>
public static class AdvisoryMonitor
{
    private const int Chunk = 500;

    /// <param name="progress">Told (done, total) as the monitored versions are checked.</param>
    public static async Task<MonitoringResult> RematchAsync(ReviewDbContext db, IReadOnlyCollection<string> changed, Severity threshold, DateTimeOffset now,
        Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0)
            return new MonitoringResult(0, 0, 0);

        var advisories = new List<Advisory>();
        var keys = new HashSet<(string Ecosystem, string Name)>();
        foreach (var chunk in changed.Chunk(Chunk))
        {
            var rows = await db.ImportedAdvisories.AsNoTracking().Include(a => a.Packages).Where(a => chunk.Contains(a.AdvisoryId) && !a.Withdrawn).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                advisories.Add(AdvisoryImport.Read(row));
                foreach (var package in row.Packages)
                    keys.Add((package.Ecosystem, package.Name));
            }
        }
        if (keys.Count == 0)
            return new MonitoringResult(0, 0, 0);

        // The latest analysed SBOM of each version whose result is in force.
        var published = db.Set<CaseVersion>()
            .Where(v => db.Cases.Any(c => c.Id == v.CaseId && c.State == CaseState.Published) && db.RegistryEntries.Any(e => e.CaseId == v.CaseId))
            .Select(v => v.ProductVersionId);
        var sboms = (await db.ProductSboms.AsNoTracking()
                .Where(s => s.Status == Reviews.Sboms.SbomAnalysisStatus.Done && published.Contains(s.ProductVersionId))
                .Select(s => new { s.Id, s.ProductVersionId, s.UploadedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.ProductVersionId)
            .Select(g => g.OrderByDescending(s => s.UploadedAt).ThenByDescending(s => s.Id).First())
            .ToDictionary(s => s.Id, s => s.ProductVersionId);
        if (sboms.Count == 0)
            return new MonitoringResult(0, 0, 0);

        var names = keys.Select(k => k.Name).Distinct(StringComparer.Ordinal).ToList();
        var sbomIds = sboms.Keys.ToList();
        var candidates = new List<SbomPackage>();
        foreach (var nameChunk in names.Chunk(Chunk))
        {
            foreach (var idChunk in sbomIds.Chunk(Chunk))
            {
                candidates.AddRange((await db.SbomPackages.AsNoTracking()
                        .Where(p => idChunk.Contains(p.SbomId) && nameChunk.Contains(p.Name))
                        .ToListAsync(cancellationToken))
                    .Where(p => keys.Contains((p.Ecosystem, p.Name))));
            }
        }

        var matcher = new AdvisoryMatcher(AdvisoryIndex.Build(advisories));
        var changedIds = advisories.Select(a => a.Id).ToList();
        var known = new HashSet<(Guid Sbom, string Subject, string Advisory)>();
        var alerted = new HashSet<(Guid Version, string Advisory)>();
        var candidateSboms = candidates.Select(c => c.SbomId).Distinct().ToList();
        foreach (var idChunk in candidateSboms.Chunk(Chunk))
        {
            foreach (var issue in await db.SbomIssues.AsNoTracking()
                         .Where(i => idChunk.Contains(i.SbomId) && i.AdvisoryId != null && changedIds.Contains(i.AdvisoryId))
                         .Select(i => new { i.SbomId, i.Subject, i.AdvisoryId }).ToListAsync(cancellationToken))
                known.Add((issue.SbomId, issue.Subject, issue.AdvisoryId!));
        }
        var versionIds = candidateSboms.Select(s => sboms[s]).Distinct().ToList();
        foreach (var idChunk in versionIds.Chunk(Chunk))
        {
            foreach (var alert in await db.MonitoringAlerts.AsNoTracking()
                         .Where(a => idChunk.Contains(a.ProductVersionId) && changedIds.Contains(a.AdvisoryId))
                         .Select(a => new { a.ProductVersionId, a.AdvisoryId }).ToListAsync(cancellationToken))
                alerted.Add((alert.ProductVersionId, alert.AdvisoryId));
        }

        var found = new Dictionary<(Guid Sbom, string Advisory), (AdvisoryMatch Match, SortedSet<string> Components)>();
        var bySbom = candidates.GroupBy(c => c.SbomId).ToList();
        var done = 0;
        foreach (var group in bySbom)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var package in group)
            {
                if (!PackageUrl.TryParse(package.Purl, PackageUrlParseMode.Lenient, out var purl))
                    continue;
                var component = new SbomComponent { Name = purl.Name, Version = purl.Version, Purl = purl };
                if (matcher.Match(component) is not { } match)
                    continue;
                foreach (var hit in match.Matches)
                {
                    if (SeverityRatings.ToSeverity(hit.Severity.Rating) < threshold || known.Contains((group.Key, package.Purl, hit.Advisory.Id)))
                        continue;
                    var key = (group.Key, hit.Advisory.Id);
                    if (!found.TryGetValue(key, out var entry))
                        found[key] = entry = (hit, new SortedSet<string>(StringComparer.Ordinal));
                    entry.Components.Add(package.Purl);
                }
            }
            progress?.Invoke(++done, bySbom.Count);
        }

        var productOf = new Dictionary<Guid, Guid>();
        foreach (var idChunk in versionIds.Chunk(Chunk))
        {
            foreach (var version in await db.Products.SelectMany(p => p.Versions).Where(v => idChunk.Contains(v.Id)).Select(v => new { v.Id, v.ProductId }).ToListAsync(cancellationToken))
                productOf[version.Id] = version.ProductId;
        }
        var raised = 0;
        foreach (var ((sbomId, advisoryId), (match, components)) in found.OrderBy(f => f.Key.Advisory, StringComparer.Ordinal))
        {
            var versionId = sboms[sbomId];
            if (!alerted.Add((versionId, advisoryId)))
                continue;
            db.MonitoringAlerts.Add(new MonitoringAlert
            {
                Id = Guid.CreateVersion7(now),
                ProductId = productOf[versionId],
                ProductVersionId = versionId,
                SbomId = sbomId,
                AdvisoryId = advisoryId,
                Aliases = Clip(string.Join(", ", match.Advisory.Aliases), 1000),
                Severity = SeverityRatings.ToSeverity(match.Severity.Rating),
                Score = match.Severity.Score,
                Components = Clip(string.Join(", ", components), 8000) ?? "",
                FixedVersions = Clip(string.Join(", ", match.FixedVersions), 1000),
                RaisedAt = now,
            });
            raised++;
        }
        if (raised > 0)
            await db.SaveChangesAsync(cancellationToken);
        return new MonitoringResult(sboms.Count, candidates.Count, raised);
    }

    internal static string? Clip(string? text, int length) =>
        text is null || text.Length == 0 ? null : text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
