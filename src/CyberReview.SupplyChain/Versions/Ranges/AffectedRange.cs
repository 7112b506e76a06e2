using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// An OSV range of type SEMVER or ECOSYSTEM, evaluated as the OSV schema describes: the events are sorted by
/// version ("introduced": "0" first) and walked in order — at or after an "introduced" version is affected, at or
/// after a "fixed" version is not, after a "last_affected" version is not — so several introduced/fixed pairs make
/// several intervals. "limit" events (meant for GIT ranges) bound the whole range: a version at or above every
/// limit is not affected. Versions are parsed once, when the range is created.
/// </summary>
public sealed class AffectedRange
{
    private readonly Event[] _events;
    private readonly PackageVersion[] _limits;

    private AffectedRange(VersionOrdering ordering, Event[] events, PackageVersion[] limits)
    {
        Ordering = ordering;
        _events = events;
        _limits = limits;
    }

    /// <summary>The ordering the versions are compared by.</summary>
    public VersionOrdering Ordering { get; }

    /// <summary>
    /// A range of OSV type <paramref name="rangeType"/>: "SEMVER" uses SemVer whatever the ecosystem, "ECOSYSTEM"
    /// the ecosystem's own ordering; "GIT" ranges name commits and cannot be evaluated over versions.
    /// </summary>
    public static bool TryCreate(string rangeType, Ecosystem ecosystem, IEnumerable<OsvRangeEvent> events, [NotNullWhen(true)] out AffectedRange? range, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        range = null;
        switch (rangeType)
        {
            case "SEMVER":
                return TryCreate(VersionOrdering.SemVer, events, out range, out error);
            case "ECOSYSTEM":
                return TryCreate(ecosystem.Ordering, events, out range, out error);
            case "GIT":
                error = "A GIT range names commits, which need the repository's history to order; it cannot be evaluated over versions.";
                return false;
            default:
                error = $"'{rangeType}' is not an OSV range type (SEMVER, ECOSYSTEM or GIT).";
                return false;
        }
    }

    /// <summary>A range whose versions <paramref name="ordering"/> reads; <paramref name="error"/> names the first event that cannot be read.</summary>
    public static bool TryCreate(VersionOrdering ordering, IEnumerable<OsvRangeEvent> events, [NotNullWhen(true)] out AffectedRange? range, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(ordering);
        ArgumentNullException.ThrowIfNull(events);
        range = null;
        var read = new List<Event>();
        var limits = new List<PackageVersion>();
        foreach (var e in events)
        {
            if (e.Kind == OsvRangeEvent.Introduced && e.Version == "0")
            {
                read.Add(new Event(EventKind.Introduced, null));
                continue;
            }
            var kind = e.Kind switch
            {
                OsvRangeEvent.Introduced => EventKind.Introduced,
                OsvRangeEvent.Fixed => EventKind.Fixed,
                OsvRangeEvent.LastAffected => EventKind.LastAffected,
                OsvRangeEvent.Limit => EventKind.Limit,
                _ => (EventKind?)null,
            };
            if (kind is null)
            {
                error = $"'{e.Kind}' is not an OSV range event (introduced, fixed, last_affected or limit).";
                return false;
            }
            if (kind == EventKind.Limit && e.Version == "*")
                continue;
            if (!ordering.TryParse(e.Version, out var version, out var reason))
            {
                error = $"The {e.Kind} event cannot be read: {reason}";
                return false;
            }
            if (kind == EventKind.Limit)
                limits.Add(version);
            else
                read.Add(new Event(kind.Value, version));
        }
        if (!read.Exists(e => e.Kind == EventKind.Introduced))
        {
            error = "The range has no introduced event.";
            return false;
        }
        // Stable: events at the same version keep the order they were given in.
        var sorted = read.Select((e, index) => (e, index))
            .OrderBy(pair => pair.e, Comparer<Event>.Create((a, b) => a.Version is null ? (b.Version is null ? 0 : -1) : b.Version is null ? 1 : ordering.Compare(a.Version, b.Version)))
            .ThenBy(pair => pair.index)
            .Select(pair => pair.e)
            .ToArray();
        range = new AffectedRange(ordering, sorted, [.. limits]);
        error = null;
        return true;
    }

    /// <summary>Whether <paramref name="version"/> is affected.</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool Contains(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!ReferenceEquals(version.Ordering, Ordering))
            throw new ArgumentException($"'{version.Text}' was read by {version.Ordering.Name}; this range uses {Ordering.Name}.", nameof(version));
        bool affected = false;
        foreach (var e in _events)
        {
            switch (e.Kind)
            {
                case EventKind.Introduced:
                    if (e.Version is null || version.CompareTo(e.Version) >= 0)
                        affected = true;
                    break;
                case EventKind.Fixed:
                    if (version.CompareTo(e.Version) >= 0)
                        affected = false;
                    break;
                case EventKind.LastAffected:
                    if (version.CompareTo(e.Version) > 0)
                        affected = false;
                    break;
            }
        }
        if (!affected || _limits.Length == 0)
            return affected;
        foreach (var limit in _limits)
        {
            if (version.CompareTo(limit) < 0)
                return true;
        }
        return false;
    }

    /// <summary>Whether the version text, read by <see cref="Ordering"/>, is affected; false when it cannot be read.</summary>
    public bool Contains(string version) => Ordering.TryParse(version, out var parsed, out _) && Contains(parsed);

    private enum EventKind
    {
        Introduced,
        Fixed,
        LastAffected,
        Limit,
    }

    /// <summary>An event with its version read; null for "introduced": "0".</summary>
    private readonly record struct Event(EventKind Kind, PackageVersion? Version);
}
