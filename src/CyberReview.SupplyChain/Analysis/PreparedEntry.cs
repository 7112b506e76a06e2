using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;
using VersionRange = CyberReview.SupplyChain.Versions.Ranges.AffectedRange;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// An affected entry made ready for matching, once: its ranges with their versions parsed, its explicit version list,
/// the fixed versions of each range and its severity. Built on first use and kept by <see cref="AdvisoryMatcher"/>.
/// </summary>
internal sealed class PreparedEntry
{
    private PreparedEntry(VersionRange[] ranges, string[][] fixedByRange, AffectedVersions? versions, FindingSeverity severity, string? problem)
    {
        Ranges = ranges;
        FixedByRange = fixedByRange;
        Versions = versions;
        Severity = severity;
        Problem = problem;
    }

    public VersionRange[] Ranges { get; }

    /// <summary>The "fixed" versions of each range, index for index with <see cref="Ranges"/>.</summary>
    public string[][] FixedByRange { get; }

    public AffectedVersions? Versions { get; }

    public FindingSeverity Severity { get; }

    /// <summary>Why part of the entry cannot be evaluated (a range that does not read, a GIT range), or null.</summary>
    public string? Problem { get; }

    public bool CanMatch => Ranges.Length > 0 || Versions is not null;

    public static PreparedEntry Prepare(AffectedEntry entry, AdvisoryIndex index)
    {
        var package = entry.Package;
        var ecosystem = EcosystemOf(package);
        var ranges = new List<VersionRange>(package.Ranges.Count);
        var fixedByRange = new List<string[]>(package.Ranges.Count);
        string? problem = null;
        foreach (var range in package.Ranges)
        {
            if (range.Type == RangeType.Git)
                continue;
            var type = range.Type == RangeType.Semver ? "SEMVER" : "ECOSYSTEM";
            if (range.Type == RangeType.Ecosystem && ecosystem is null)
            {
                problem ??= $"The ecosystem '{package.Ecosystem}' has no version ordering here.";
                continue;
            }
            var events = range.Events.Select(e => new OsvRangeEvent(EventName(e.Kind), e.Value));
            if (VersionRange.TryCreate(type, ecosystem ?? Ecosystem.Go, events, out var ready, out var error))
            {
                ranges.Add(ready);
                fixedByRange.Add([.. range.Events.Where(e => e.Kind == RangeEventKind.Fixed).Select(e => e.Value)]);
            }
            else
            {
                problem ??= error;
            }
        }
        var versions = package.Versions.Count > 0
            ? new AffectedVersions(ecosystem?.Ordering ?? VersionOrdering.Lexicographic, package.Versions)
            : null;
        return new PreparedEntry([.. ranges], [.. fixedByRange], versions, SeverityOf(entry, index), problem);
    }

    /// <summary>
    /// The entry's own severity; when it has none, the highest that another record of the same vulnerability gives (an
    /// alias in the index): the Go database rates nothing, but its GO record of a CVE is the GHSA record's twin.
    /// </summary>
    private static FindingSeverity SeverityOf(AffectedEntry entry, AdvisoryIndex index)
    {
        var own = FindingSeverity.Of(entry.Advisory, entry.Package);
        if (own.Rating != SeverityRating.Unknown)
            return own;
        var best = own;
        foreach (var alias in entry.Advisory.Aliases)
        {
            foreach (var twin in index.FindById(alias))
            {
                if (ReferenceEquals(twin, entry.Advisory))
                    continue;
                var rated = FindingSeverity.Of(twin, null);
                if (rated.Rating > best.Rating || (rated.Rating == best.Rating && rated.Score > best.Score))
                    best = rated with { Source = $"{twin.Id} {rated.Source}" };
            }
        }
        return best;
    }

    private static Ecosystem? EcosystemOf(AffectedPackage package)
    {
        if (Ecosystem.TryFromOsvName(package.Ecosystem, out var ecosystem))
            return ecosystem;
        return package.Purl is { } text && PackageUrl.TryParse(text, PackageUrlParseMode.Lenient, out var purl) && Ecosystem.TryFromPurl(purl, out ecosystem)
            ? ecosystem
            : null;
    }

    private static string EventName(RangeEventKind kind) => kind switch
    {
        RangeEventKind.Introduced => OsvRangeEvent.Introduced,
        RangeEventKind.Fixed => OsvRangeEvent.Fixed,
        RangeEventKind.LastAffected => OsvRangeEvent.LastAffected,
        RangeEventKind.Limit => OsvRangeEvent.Limit,
    };
}
