namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// An OSV <c>affected[].versions</c> list: a version is affected when the list names it exactly, or names a version
/// the ordering holds equal (Maven's "1.0" for "1.0.0"). Entries the ordering cannot read still match exactly.
/// Lookups are a hash probe and, when that misses, a binary search; the entries are parsed on the first such
/// search, so lists of advisories that no component reaches cost only their hash set.
/// </summary>
public sealed class AffectedVersions
{
    private readonly HashSet<string> _texts;
    private Parsed? _parsed;

    /// <summary>The list for <paramref name="ordering"/>.</summary>
    public AffectedVersions(VersionOrdering ordering, IEnumerable<string> versions)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(versions);
        Ordering = ordering;
        _texts = new HashSet<string>(versions, StringComparer.Ordinal);
    }

    /// <summary>The ordering the versions are compared by.</summary>
    public VersionOrdering Ordering { get; }

    /// <summary>Entries the ordering cannot read (they match only exactly).</summary>
    public IReadOnlyList<string> Unreadable => Read().Unreadable;

    private PackageVersion[] Sorted => Read().Sorted;

    private Parsed Read()
    {
        if (Volatile.Read(ref _parsed) is { } parsed)
            return parsed;
        var versions = new List<PackageVersion>();
        var unreadable = new List<string>();
        foreach (var text in _texts)
        {
            if (Ordering.TryParse(text, out var version, out _))
                versions.Add(version);
            else
                unreadable.Add(text);
        }
        versions.Sort(Ordering);
        // Two threads may both parse; either result is the same, so the first one written wins.
        return Interlocked.CompareExchange(ref _parsed, new Parsed([.. versions], unreadable), null) ?? _parsed!;
    }

    private sealed record Parsed(PackageVersion[] Sorted, List<string> Unreadable);

    /// <summary>Whether the list names <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool Contains(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!ReferenceEquals(version.Ordering, Ordering))
            throw new ArgumentException($"'{version.Text}' was read by {version.Ordering.Name}; this list uses {Ordering.Name}.", nameof(version));
        return _texts.Contains(version.Text) || Array.BinarySearch(Sorted, version, Ordering) >= 0;
    }

    /// <summary>Whether the list names the version text (exactly, or as a version the ordering holds equal).</summary>
    public bool Contains(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _texts.Contains(version) || (Ordering.TryParse(version, out var parsed, out _) && Array.BinarySearch(Sorted, parsed, Ordering) >= 0);
    }
}
