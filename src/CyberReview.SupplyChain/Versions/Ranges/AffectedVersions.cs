namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// An OSV <c>affected[].versions</c> list: a version is affected when the list names it exactly, or names a version
/// the ordering holds equal (Maven's "1.0" for "1.0.0"). Entries the ordering cannot read still match exactly.
/// Lookups are a hash probe and a binary search.
/// </summary>
public sealed class AffectedVersions
{
    private readonly HashSet<string> _texts;
    private readonly PackageVersion[] _sorted;

    /// <summary>The list for <paramref name="ordering"/>.</summary>
    public AffectedVersions(VersionOrdering ordering, IEnumerable<string> versions)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(versions);
        Ordering = ordering;
        _texts = new HashSet<string>(versions, StringComparer.Ordinal);
        var parsed = new List<PackageVersion>();
        var unreadable = new List<string>();
        foreach (var text in _texts)
        {
            if (ordering.TryParse(text, out var version, out _))
                parsed.Add(version);
            else
                unreadable.Add(text);
        }
        parsed.Sort(ordering);
        _sorted = [.. parsed];
        Unreadable = unreadable;
    }

    /// <summary>The ordering the versions are compared by.</summary>
    public VersionOrdering Ordering { get; }

    /// <summary>Entries the ordering cannot read (they match only exactly).</summary>
    public IReadOnlyList<string> Unreadable { get; }

    /// <summary>Whether the list names <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool Contains(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!ReferenceEquals(version.Ordering, Ordering))
            throw new ArgumentException($"'{version.Text}' was read by {version.Ordering.Name}; this list uses {Ordering.Name}.", nameof(version));
        return _texts.Contains(version.Text) || Array.BinarySearch(_sorted, version, Ordering) >= 0;
    }

    /// <summary>Whether the list names the version text (exactly, or as a version the ordering holds equal).</summary>
    public bool Contains(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _texts.Contains(version) || (Ordering.TryParse(version, out var parsed, out _) && Array.BinarySearch(_sorted, parsed, Ordering) >= 0);
    }
}
