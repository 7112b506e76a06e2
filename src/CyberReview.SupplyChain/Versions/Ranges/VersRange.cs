using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// A vers range ("vers:&lt;scheme&gt;/&lt;constraint&gt;|&lt;constraint&gt;…"), per the vers specification: constraints
/// sorted by version, "=" written as the bare version, "*" alone for every version, versions percent-encoded.
/// <see cref="TryParse"/> accepts only the canonical form; <see cref="TryNormalize"/> also accepts whitespace and
/// unsorted constraints and puts them in canonical order.
/// </summary>
public sealed class VersRange
{
    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\r\n\f\v");

    private readonly PackageVersion?[] _versions;
    private readonly VersConstraint[] _constraints;

    private VersRange(string scheme, VersConstraint[] constraints, VersionOrdering? ordering, PackageVersion?[] versions, string? unorderable)
    {
        Unorderable = unorderable;
        Scheme = scheme;
        _constraints = constraints;
        Ordering = ordering;
        _versions = versions;
    }

    /// <summary>The versioning scheme (a purl type such as "npm", or "semver", "lexicographic", "datetime" …).</summary>
    public string Scheme { get; }

    /// <summary>The constraints in canonical order.</summary>
    public IReadOnlyList<VersConstraint> Constraints => _constraints;

    /// <summary>The ordering of <see cref="Scheme"/>, or null when this library does not implement it (the range then parses but cannot test containment).</summary>
    public VersionOrdering? Ordering { get; }

    /// <summary>
    /// Null when containment can be tested; otherwise why not: the scheme has no ordering here, or a constraint's
    /// version is not a version of the scheme (vers itself does not require that, so such a range still parses).
    /// </summary>
    public string? Unorderable { get; }

    /// <summary>Reads a range in canonical form; on failure <paramref name="error"/> says what is not canonical.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error) =>
        TryRead(text, canonical: true, out range, out error);

    /// <summary>Reads a range in canonical form.</summary>
    /// <exception cref="FormatException">The text is not a canonical vers range.</exception>
    public static VersRange Parse(string text) => TryParse(text, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>Reads a range that may have whitespace or unsorted constraints, and puts it in canonical form.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error) =>
        TryRead(text, canonical: false, out range, out error);

    /// <summary>A range of <paramref name="scheme"/> from constraints in any order (they are sorted stably by version).</summary>
    public static bool TryCreate(string scheme, IEnumerable<VersConstraint> constraints, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return TryBuild(scheme, [.. constraints], sort: true, out range, out error);
    }

    /// <summary>Whether <paramref name="version"/> is in the range, by the vers specification's algorithm.</summary>
    /// <exception cref="InvalidOperationException">Containment cannot be tested (see <see cref="Unorderable"/>).</exception>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool Contains(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Unorderable is not null || Ordering is not { } ordering)
            throw new InvalidOperationException(Unorderable);
        if (!ReferenceEquals(version.Ordering, ordering))
            throw new ArgumentException($"'{version.Text}' was read by {version.Ordering.Name}, not {ordering.Name}.", nameof(version));
        var constraints = _constraints;
        if (constraints.Length == 1 && constraints[0].Comparator == VersComparator.Any)
            return true;

        // Exact matches decide first.
        for (int i = 0; i < constraints.Length; i++)
        {
            if (version.CompareTo(_versions[i]) != 0)
                continue;
            switch (constraints[i].Comparator)
            {
                case VersComparator.Equal or VersComparator.LessThanOrEqual or VersComparator.GreaterThanOrEqual:
                    return true;
                case VersComparator.NotEqual:
                    return false;
            }
        }

        // Then the intervals, pair by pair over the constraints that are not "=" or "!=".
        int previous = -1;
        bool first = true;
        for (int i = 0; i < constraints.Length; i++)
        {
            if (constraints[i].Comparator is VersComparator.Equal or VersComparator.NotEqual)
                continue;
            if (first && IsUpper(constraints[i].Comparator) && version.CompareTo(_versions[i]) < 0)
                return true;
            first = false;
            if (previous >= 0 && IsLower(constraints[previous].Comparator) && IsUpper(constraints[i].Comparator)
                && version.CompareTo(_versions[previous]) > 0 && version.CompareTo(_versions[i]) < 0)
                return true;
            previous = i;
        }
        return previous >= 0 && IsLower(constraints[previous].Comparator) && version.CompareTo(_versions[previous]) > 0;
    }

    /// <summary>Whether the version text, read by the scheme's ordering, is in the range; false when it cannot be read.</summary>
    /// <exception cref="InvalidOperationException">Containment cannot be tested (see <see cref="Unorderable"/>).</exception>
    public bool Contains(string version)
    {
        if (Unorderable is not null || Ordering is not { } ordering)
            throw new InvalidOperationException(Unorderable);
        return ordering.TryParse(version, out var parsed, out _) && Contains(parsed);
    }

    /// <summary>The canonical form.</summary>
    public override string ToString() => $"vers:{Scheme}/{string.Join('|', Constraints)}";

    private static bool IsUpper(VersComparator comparator) => comparator is VersComparator.LessThan or VersComparator.LessThanOrEqual;

    private static bool IsLower(VersComparator comparator) => comparator is VersComparator.GreaterThan or VersComparator.GreaterThanOrEqual;

    private static bool TryRead(string? text, bool canonical, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        const string Problem = "non-canonical VERS: ";
        if (string.IsNullOrEmpty(text))
        {
            error = "The vers range is empty.";
            return false;
        }
        if (text.AsSpan().ContainsAny(Whitespace))
        {
            if (canonical)
            {
                error = Problem + "whitespace is not permitted";
                return false;
            }
            text = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        }
        if (!text.StartsWith("vers:", StringComparison.OrdinalIgnoreCase) || (canonical && !text.StartsWith("vers:", StringComparison.Ordinal)))
        {
            error = "A vers range starts with 'vers:'.";
            return false;
        }
        int slash = text.IndexOf('/', 5);
        if (slash <= 5)
        {
            error = "A vers range names its scheme before '/', as in 'vers:npm/>=1.0.0'.";
            return false;
        }
        var scheme = text[5..slash];
        if (canonical && scheme.Any(char.IsAsciiLetterUpper))
        {
            error = Problem + "the scheme must be lower case";
            return false;
        }
        scheme = scheme.ToLowerInvariant();
        var body = text[(slash + 1)..];
        if (body.Length == 0)
        {
            error = "The vers range has no constraints.";
            return false;
        }
        if (body[0] == '|' && canonical)
        {
            error = Problem + "leading pipe is not permitted";
            return false;
        }
        if (body[^1] == '|' && canonical)
        {
            error = Problem + "trailing pipe is not permitted";
            return false;
        }
        if (body.Contains("||", StringComparison.Ordinal) && canonical)
        {
            error = Problem + "consecutive pipes are not permitted";
            return false;
        }

        var constraints = new List<VersConstraint>();
        foreach (var piece in body.Split('|', canonical ? StringSplitOptions.None : StringSplitOptions.RemoveEmptyEntries))
        {
            var (comparator, rest) = piece switch
            {
                "*" => (VersComparator.Any, ""),
                _ when piece.StartsWith(">=", StringComparison.Ordinal) => (VersComparator.GreaterThanOrEqual, piece[2..]),
                _ when piece.StartsWith("<=", StringComparison.Ordinal) => (VersComparator.LessThanOrEqual, piece[2..]),
                _ when piece.StartsWith("!=", StringComparison.Ordinal) => (VersComparator.NotEqual, piece[2..]),
                _ when piece.StartsWith('>') => (VersComparator.GreaterThan, piece[1..]),
                _ when piece.StartsWith('<') => (VersComparator.LessThan, piece[1..]),
                _ when piece.StartsWith('=') => (VersComparator.Equal, piece[1..]),
                _ => (VersComparator.Equal, piece),
            };
            if (canonical && comparator == VersComparator.Equal && piece.StartsWith('='))
            {
                error = Problem + "'=' is written as the bare version";
                return false;
            }
            if (comparator != VersComparator.Any && rest.Length == 0)
            {
                error = $"The constraint '{piece}' has no version.";
                return false;
            }
            var version = VersEncoding.Decode(rest, canonical, out var reason);
            if (version is null)
            {
                error = Problem + reason;
                return false;
            }
            if (scheme == "datetime")
            {
                if (rest.AsSpan().ContainsAny('t', 'z'))
                {
                    error = Problem + "datetime must use uppercase T and Z";
                    return false;
                }
                if (rest.Contains("%3A", StringComparison.OrdinalIgnoreCase))
                {
                    error = Problem + "datetime time colons must be unencoded";
                    return false;
                }
            }
            constraints.Add(new VersConstraint(comparator, version));
        }
        return TryBuild(scheme, constraints, sort: !canonical, out range, out error);
    }

    private static bool TryBuild(string scheme, List<VersConstraint> constraints, bool sort, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        if (constraints.Count == 0)
        {
            error = "The vers range has no constraints.";
            return false;
        }
        if (constraints.Any(c => c.Comparator == VersComparator.Any) && constraints.Count > 1)
        {
            error = "'*' must be the only constraint of a vers range.";
            return false;
        }
        var ordering = VersSchemes.OrderingOf(scheme);
        var versions = new PackageVersion?[constraints.Count];
        string? unorderable = ordering is null ? $"The vers scheme '{scheme}' has no version ordering here." : null;
        if (ordering is not null)
        {
            for (int i = 0; i < constraints.Count; i++)
            {
                if (constraints[i].Comparator != VersComparator.Any && !ordering.TryParse(constraints[i].Version, out versions[i], out var reason))
                    unorderable ??= reason;
            }
        }
        if (unorderable is null && ordering is not null)
        {
            var order = Enumerable.Range(0, constraints.Count).ToArray();
            if (sort)
            {
                order = [.. order.OrderBy(i => versions[i]!, ordering)];
            }
            else
            {
                for (int i = 1; i < constraints.Count; i++)
                {
                    if (ordering.Compare(versions[i - 1], versions[i]) > 0)
                    {
                        error = "non-canonical VERS: constraints are not sorted by version";
                        return false;
                    }
                }
            }
            constraints = [.. order.Select(i => constraints[i])];
            versions = [.. order.Select(i => versions[i])];
        }
        range = new VersRange(scheme, [.. constraints], ordering, versions, unorderable);
        error = null;
        return true;
    }
}
