using System.Collections.Concurrent;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Versions;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Matches SBOM components against an <see cref="AdvisoryIndex"/>: one dictionary lookup per component, then, for each
/// affected entry of that package, its ranges and explicit versions. Each entry's ranges are parsed once, on first use,
/// and reused for every later component and SBOM; a component's version is parsed once per ordering it meets.
/// </summary>
/// <remarks>
/// An advisory that rates nothing takes the highest rating of its aliases in the same index. Safe to share between threads. Which version is matched: the purl's version, else the component's version field.
/// An entry whose ranges are all GIT ranges (commits) and that lists no versions cannot be evaluated over versions
/// and is passed over (<see cref="UnevaluableEntries"/> counts them).
/// </remarks>
public sealed class AdvisoryMatcher
{
    private static readonly ComponentMatch[] NoMatches = [];
    private readonly ConcurrentDictionary<AffectedPackage, PreparedEntry> _prepared = new(ReferenceEqualityComparer.Instance);
    private int _unevaluable;

    /// <summary>A matcher over <paramref name="index"/>.</summary>
    /// <param name="index">The advisories.</param>
    public AdvisoryMatcher(AdvisoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Index = index;
    }

    /// <summary>The advisories matched against.</summary>
    public AdvisoryIndex Index { get; }

    /// <summary>How many affected entries met so far could not be evaluated over versions (GIT ranges only).</summary>
    public int UnevaluableEntries => Volatile.Read(ref _unevaluable);

    /// <summary>The components of <paramref name="components"/> that advisories name, with what they say; clean components are left out.</summary>
    /// <param name="components">The components, e.g. <see cref="Sbom.Components"/>.</param>
    public IReadOnlyList<ComponentMatch> Match(IEnumerable<SbomComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        List<ComponentMatch>? found = null;
        foreach (var component in components)
        {
            if (Match(component) is { IsClean: false } match)
                (found ??= []).Add(match);
        }
        return found is null ? NoMatches : found;
    }

    /// <summary>What the advisories say about one component; null when no advisory names its package.</summary>
    /// <param name="component">The component; one without a purl is never matched.</param>
    public ComponentMatch? Match(SbomComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (component.Purl is not { } purl)
            return null;
        var entries = Index.Find(purl);
        if (entries.IsEmpty)
            return null;

        var versionText = purl.Version ?? component.Version;
        if (versionText is null or "" or "NOASSERTION" or "NONE")
        {
            return new ComponentMatch(component, [], new UnknownVersion(component, Ids(entries),
                "The SBOM gives the component no version, so no range can be checked."));
        }

        var versions = new ParsedVersions(versionText);
        List<AdvisoryMatch>? matches = null;
        string? unknownReason = null;
        foreach (var entry in entries)
        {
            var prepared = _prepared.GetOrAdd(entry.Package, static (_, state) => PreparedEntry.Prepare(state.Entry, state.Index), (Entry: entry, Index));
            if (!prepared.CanMatch)
            {
                Interlocked.Increment(ref _unevaluable);
                continue;
            }
            var affected = false;
            List<string>? fixedVersions = null;
            string? reason = null;
            for (var i = 0; i < prepared.Ranges.Length; i++)
            {
                var range = prepared.Ranges[i];
                if (!versions.TryGet(range.Ordering, out var version, out var why))
                {
                    reason ??= why;
                    continue;
                }
                if (range.Contains(version))
                {
                    affected = true;
                    (fixedVersions ??= []).AddRange(prepared.FixedByRange[i]);
                }
            }
            if (!affected && prepared.Versions is { } list)
            {
                // An exact entry matches even when the ordering cannot read it (or the component's version).
                affected = versions.TryGet(list.Ordering, out var version, out _) ? list.Contains(version) : list.Contains(versionText);
                if (affected)
                    fixedVersions = [.. prepared.FixedByRange.SelectMany(f => f)];
            }
            if (affected)
            {
                matches ??= [];
                var advisory = entry.Advisory;
                var known = matches.FindIndex(m => ReferenceEquals(m.Advisory, advisory));
                var fixes = fixedVersions is null ? [] : (IReadOnlyList<string>)fixedVersions.Distinct(StringComparer.Ordinal).ToArray();
                if (known < 0)
                {
                    matches.Add(new AdvisoryMatch(advisory, prepared.Severity, fixes));
                }
                else
                {
                    // The same advisory names the package twice (two entries): keep the higher severity and all fixes.
                    var earlier = matches[known];
                    var severity = prepared.Severity.Rating > earlier.Severity.Rating ? prepared.Severity : earlier.Severity;
                    matches[known] = new AdvisoryMatch(advisory, severity, [.. earlier.FixedVersions.Concat(fixes).Distinct(StringComparer.Ordinal)]);
                }
            }
            else if (reason is not null)
            {
                unknownReason ??= reason;
            }
        }
        if (matches is null && unknownReason is null)
            return null;
        // A version that some advisory's ordering cannot read is unknown only for that advisory; one that matched elsewhere is still reported as matched.
        var unknown = unknownReason is null ? null : new UnknownVersion(component, Ids(entries), $"Version '{versionText}' cannot be compared: {unknownReason}");
        return new ComponentMatch(component, matches ?? (IReadOnlyList<AdvisoryMatch>)[], unknown);
    }

    private static string[] Ids(ReadOnlySpan<AffectedEntry> entries)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
            ids.Add(entry.Advisory.Id);
        return [.. ids];
    }

    /// <summary>A component's version, parsed at most once per ordering (a package meets one or two: its ecosystem's and SemVer).</summary>
    private struct ParsedVersions(string text)
    {
        private (VersionOrdering Ordering, PackageVersion? Version, string? Reason) _first;
        private List<(VersionOrdering Ordering, PackageVersion? Version, string? Reason)>? _more;

        public bool TryGet(VersionOrdering ordering, out PackageVersion version, out string reason)
        {
            var parsed = Find(ordering);
            version = parsed.Version!;
            reason = parsed.Reason ?? "";
            return parsed.Version is not null;
        }

        private (VersionOrdering Ordering, PackageVersion? Version, string? Reason) Find(VersionOrdering ordering)
        {
            if (ReferenceEquals(_first.Ordering, ordering))
                return _first;
            if (_more is not null)
            {
                foreach (var item in _more)
                {
                    if (ReferenceEquals(item.Ordering, ordering))
                        return item;
                }
            }
            var read = ordering.TryParse(text, out var version, out var reason)
                ? (ordering, version, (string?)null)
                : (ordering, (PackageVersion?)null, $"not a {ordering.Name} version ({reason})");
            if (_first.Ordering is null)
                _first = read;
            else
                (_more ??= []).Add(read);
            return read;
        }
    }
}
