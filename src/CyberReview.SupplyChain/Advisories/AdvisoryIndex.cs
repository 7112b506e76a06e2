using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// The affected entries of a set of advisories, keyed for matching: by <see cref="PackageKey"/> (ecosystem and
/// normalised name), and by package URL (type, namespace, name) for entries whose purl type has no OSV ecosystem here
/// (<c>apk</c>, <c>deb</c>, <c>rpm</c>…). Every lookup is one dictionary hit, never a scan.
/// </summary>
/// <remarks>
/// One record is kept per id, the one modified last (the first read on a tie), since the same advisory is often
/// published by two databases (RustSec and GHSA, PyPA and osv.dev); then withdrawn advisories are left out. Entries that name no package (GIT ranges only) are not indexed: they are
/// counted in <see cref="UnindexedEntryCount"/>. The index holds references to the advisories it was built from
/// and one small array per package; it is immutable once built and safe to share between threads.
/// </remarks>
public sealed class AdvisoryIndex
{
    private readonly Dictionary<PackageKey, AffectedEntry[]> _byPackage;
    private readonly Dictionary<string, AffectedEntry[]> _byPurl;
    private readonly Dictionary<string, Advisory[]> _byId;

    private AdvisoryIndex(
        Dictionary<PackageKey, AffectedEntry[]> byPackage, Dictionary<string, AffectedEntry[]> byPurl, Dictionary<string, Advisory[]> byId,
        int advisoryCount, int entryCount, int unindexed)
    {
        _byPackage = byPackage;
        _byPurl = byPurl;
        _byId = byId;
        AdvisoryCount = advisoryCount;
        EntryCount = entryCount;
        UnindexedEntryCount = unindexed;
    }

    /// <summary>How many advisories the index holds (withdrawn ones excluded).</summary>
    public int AdvisoryCount { get; }

    /// <summary>How many affected entries are indexed.</summary>
    public int EntryCount { get; }

    /// <summary>How many affected entries name no package and so are not indexed.</summary>
    public int UnindexedEntryCount { get; }

    /// <summary>How many distinct packages the index knows by ecosystem and name.</summary>
    public int PackageCount => _byPackage.Count;

    /// <summary>Builds the index, reading <paramref name="advisories"/> once (a lazy source streams through).</summary>
    /// <param name="advisories">Accepted advisories, e.g. from <see cref="AdvisorySource.ReadAccepted"/>.</param>
    public static AdvisoryIndex Build(IEnumerable<Advisory> advisories)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        var latest = new Dictionary<string, Advisory>(StringComparer.Ordinal);
        foreach (var advisory in advisories)
        {
            if (!latest.TryGetValue(advisory.Id, out var known) || advisory.Modified.Value > known.Modified.Value)
                latest[advisory.Id] = advisory;
        }

        var byPackage = new Dictionary<PackageKey, List<AffectedEntry>>();
        var byPurl = new Dictionary<string, List<AffectedEntry>>(StringComparer.Ordinal);
        var byId = new Dictionary<string, List<Advisory>>(StringComparer.OrdinalIgnoreCase);
        int advisoryCount = 0, entryCount = 0, unindexed = 0;
        foreach (var advisory in latest.Values)
        {
            if (advisory.IsWithdrawn)
                continue;
            advisoryCount++;
            foreach (var id in advisory.Aliases.Prepend(advisory.Id).Distinct(StringComparer.OrdinalIgnoreCase))
                Add(byId, id, advisory);
            foreach (var package in advisory.Affected)
            {
                var entry = new AffectedEntry(advisory, package);
                var indexed = false;
                if (package.HasPackage)
                {
                    Add(byPackage, PackageKey.For(package.Ecosystem!, package.Name!), entry);
                    indexed = true;
                }
                // A purl whose type maps to an ecosystem is found through the package key; the others by the purl itself.
                if (package.Purl is { } purlText && PackageUrl.TryParse(purlText, PackageUrlParseMode.Lenient, out var purl) && PackageKey.For(purl) is null)
                {
                    Add(byPurl, PurlKey(purl), entry);
                    indexed = true;
                }
                if (indexed)
                    entryCount++;
                else
                    unindexed++;
            }
        }
        return new AdvisoryIndex(Freeze(byPackage), Freeze(byPurl), Freeze(byId), advisoryCount, entryCount, unindexed);
    }

    /// <summary>The entries for a package named by ecosystem and name; empty when none.</summary>
    /// <param name="ecosystem">The OSV ecosystem, with or without suffix, in any case.</param>
    /// <param name="name">The package name as written; normalised by the ecosystem's rule.</param>
    public ReadOnlySpan<AffectedEntry> Find(string ecosystem, string name) => Find(PackageKey.For(ecosystem, name));

    /// <summary>The entries for a package key; empty when none.</summary>
    /// <param name="key">The package.</param>
    public ReadOnlySpan<AffectedEntry> Find(PackageKey key) =>
        _byPackage.TryGetValue(key, out var entries) ? entries : [];

    /// <summary>The entries for the package of a package URL (its version, qualifiers and subpath are ignored); empty when none.</summary>
    /// <param name="purl">The package URL.</param>
    public ReadOnlySpan<AffectedEntry> Find(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (PackageKey.For(purl) is { } key)
            return Find(key);
        return _byPurl.TryGetValue(PurlKey(purl), out var entries) ? entries : [];
    }

    /// <summary>
    /// The advisories known by <paramref name="id"/>, as their own id or an alias (case ignored): how a VEX statement
    /// about <c>CVE-2022-32149</c> finds both GO-2022-1059 and GHSA-69ch-w2m2-3vjp. Empty when none.
    /// </summary>
    /// <param name="id">A vulnerability identifier.</param>
    public ReadOnlySpan<Advisory> FindById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var advisories) ? advisories : [];
    }

    private static string PurlKey(PackageUrl purl) =>
        purl.Namespace is null ? $"{purl.Type}/{purl.Name}" : $"{purl.Type}/{purl.Namespace}/{purl.Name}";

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = new List<TValue>(1);
        list.Add(value);
    }

    private static Dictionary<TKey, TValue[]> Freeze<TKey, TValue>(Dictionary<TKey, List<TValue>> map)
        where TKey : notnull
    {
        var frozen = new Dictionary<TKey, TValue[]>(map.Count, map.Comparer);
        foreach (var (key, list) in map)
            frozen[key] = [.. list];
        return frozen;
    }
}
