using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// An npm range as node-semver reads it: alternatives separated by "||", each a set of comparators that must all
/// hold; "1.2.3 - 2.3.4" hyphen ranges, "^" and "~" ("~&gt;"), X-ranges ("1.x", "1.2.*", "2"), and primitive
/// comparators. A version with a prerelease label matches only if some comparator of the same alternative names a
/// prerelease of the same major.minor.patch — unless <see cref="IncludePrerelease"/> is set.
/// </summary>
public sealed partial class NpmRange
{
    private readonly NpmComparator[][] _alternatives;

    private NpmRange(NpmComparator[][] alternatives, bool loose, bool includePrerelease)
    {
        _alternatives = alternatives;
        Loose = loose;
        IncludePrerelease = includePrerelease;
    }

    /// <summary>Whether the range was read in node-semver's loose mode.</summary>
    public bool Loose { get; }

    /// <summary>Whether prerelease versions match like any other (node-semver's <c>includePrerelease</c>).</summary>
    public bool IncludePrerelease { get; }

    /// <summary>The desugared comparator sets, one per alternative.</summary>
    public IReadOnlyList<IReadOnlyList<NpmComparator>> Alternatives => _alternatives;

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(<=|>=|~>|<|>|=|~|\^) ", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorSpace();

    /// <summary>Reads a range; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryParse(string? text, bool loose, bool includePrerelease, [NotNullWhen(true)] out NpmRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        if (text is null)
        {
            error = "Invalid range: it is not a string.";
            return false;
        }
        var normalised = Whitespace().Replace(text.Trim(), " ");
        var sets = new List<NpmComparator[]>();
        foreach (var alternative in normalised.Split("||"))
        {
            var set = ParseAlternative(alternative.Trim(), loose, includePrerelease, out error);
            if (set is null)
            {
                error ??= $"Invalid range: '{text}'.";
                return false;
            }
            if (set.Length > 0)
                sets.Add(set);
        }
        if (sets.Count == 0)
        {
            error = $"Invalid range: '{text}'.";
            return false;
        }
        if (sets.Count > 1)
        {
            var first = sets[0];
            sets.RemoveAll(set => set[0].IsNone);
            if (sets.Count == 0)
                sets.Add(first);
            else if (sets.Find(set => set.Length == 1 && set[0].Version is null) is { } any)
                sets = [any];
        }
        range = new NpmRange([.. sets], loose, includePrerelease);
        error = null;
        return true;
    }

    /// <summary>Reads a range.</summary>
    /// <exception cref="FormatException">The text is not an npm range.</exception>
    public static NpmRange Parse(string text, bool loose = false, bool includePrerelease = false) =>
        TryParse(text, loose, includePrerelease, out var range, out var error) ? range : throw new FormatException(error);

    /// <summary>Whether the version (read by node-semver's rules, in this range's mode) satisfies the range; false when it is not a version.</summary>
    public bool Contains(string? version) =>
        NpmVersion.TryParse(version, Loose, out var parsed, out _) && Contains(parsed.Version);

    /// <summary>Whether a version of <see cref="VersionOrdering.SemVer"/> satisfies the range.</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool Contains(PackageVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!ReferenceEquals(version.Ordering, VersionOrdering.SemVer))
            throw new ArgumentException($"An npm range tests SemVer versions, not {version.Ordering.Name} ones.", nameof(version));
        var semver = (SemVerLikeVersion)version;
        foreach (var set in _alternatives)
        {
            if (Satisfies(set, semver))
                return true;
        }
        return false;
    }

    /// <summary>Whether the version is above every version the range allows (node-semver's <c>gtr</c>): a fix beyond it.</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool IsAbove(PackageVersion version) => Outside(version, above: true);

    /// <summary>Whether the version is below every version the range allows (node-semver's <c>ltr</c>).</summary>
    /// <exception cref="ArgumentException">The version was read by another ordering.</exception>
    public bool IsBelow(PackageVersion version) => Outside(version, above: false);

    /// <summary>node-semver's <c>outside</c>, written for "above"; "below" mirrors every comparison.</summary>
    private bool Outside(PackageVersion version, bool above)
    {
        if (Contains(version))
            return false;
        int sign = above ? 1 : -1;
        string comp = above ? ">" : "<";
        string ecomp = above ? ">=" : "<=";
        var zero = NpmComparator.Create(">=", NpmVersion.From(0, 0, 0, []));
        foreach (var set in _alternatives)
        {
            NpmComparator? high = null;
            NpmComparator? low = null;
            foreach (var original in set)
            {
                var comparator = original.Version is null ? zero : original;
                high ??= comparator;
                low ??= comparator;
                if (sign * comparator.Version!.Version.CompareTo(high.Version!.Version) > 0)
                    high = comparator;
                else if (sign * comparator.Version.Version.CompareTo(low.Version!.Version) < 0)
                    low = comparator;
            }
            if (high is null || low is null)
                continue;
            if (high.Operator == comp || high.Operator == ecomp)
                return false;
            int versionToLow = sign * version.CompareTo(low.Version!.Version);
            if ((low.Operator.Length == 0 || low.Operator == comp) && versionToLow <= 0)
                return false;
            if (low.Operator == ecomp && versionToLow < 0)
                return false;
        }
        return true;
    }

    /// <summary>The desugared form, as node-semver's <c>range</c> property ("*" for any version).</summary>
    public override string ToString()
    {
        var text = string.Join("||", _alternatives.Select(set => string.Join(' ', set.Select(c => c.Value)).Trim()));
        return text.Length == 0 ? "*" : text;
    }

    private bool Satisfies(NpmComparator[] set, SemVerLikeVersion version)
    {
        foreach (var comparator in set)
        {
            if (!comparator.Test(version))
                return false;
        }
        if (version.Prerelease.Length == 0 || IncludePrerelease)
            return true;
        // A prerelease matches only when a comparator names a prerelease of the same major.minor.patch.
        foreach (var comparator in set)
        {
            if (comparator.Version is { Prerelease.Count: > 0 } allowed
                && Numeral.From((ulong)allowed.Major) == version.Number(0)
                && Numeral.From((ulong)allowed.Minor) == version.Number(1)
                && Numeral.From((ulong)allowed.Patch) == version.Number(2))
                return true;
        }
        return false;
    }

    /// <summary>The comparators of one alternative; empty when loose mode dropped all of it; null when it is invalid.</summary>
    private static NpmComparator[]? ParseAlternative(string alternative, bool loose, bool includePrerelease, out string? error)
    {
        error = null;
        if (alternative.Length == 0)
            return [NpmComparator.Any];
        var desugared = new List<NpmComparator>();
        var hyphen = alternative.Split(" - ");
        if (hyphen.Length == 2 && TryPartial(hyphen[0], loose, out var from, out _) && TryPartial(hyphen[1], loose, out var to, out _))
        {
            if (!Hyphen(from, to, includePrerelease, desugared, out error))
                return null;
        }
        else
        {
            var glued = OperatorSpace().Replace(alternative, "$1");
            foreach (var token in glued.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Desugar(token, loose, includePrerelease, desugared, out error))
                {
                    if (!loose)
                        return null;
                    error = null;
                }
            }
        }

        var unique = new List<NpmComparator>();
        foreach (var comparator in desugared)
        {
            if (comparator.IsNone)
                return [comparator];
            // ">=0.0.0" (">=0.0.0-0" with prereleases included) is any version.
            var comparatorOrAny = comparator.Value == (includePrerelease ? ">=0.0.0-0" : ">=0.0.0") ? NpmComparator.Any : comparator;
            if (!unique.Exists(c => c.Value == comparatorOrAny.Value))
                unique.Add(comparatorOrAny);
        }
        if (unique.Count > 1)
            unique.RemoveAll(c => c.Version is null);
        return [.. unique];
    }

    private static bool TryPartial(string text, bool loose, out NpmParts parts, out string? error)
    {
        var scanner = new NpmScanner(text, loose);
        scanner.SkipPrefix(allowEquals: true);
        return scanner.TryReadPartial(out parts, out error) && (scanner.AtEnd || Fail(out error));
    }

    private static bool Fail(out string? error)
    {
        error = "Invalid range: unexpected text after a version.";
        return false;
    }

    private static bool Desugar(string token, bool loose, bool includePrerelease, List<NpmComparator> output, out string? error)
    {
        var op = token.StartsWith("~>", StringComparison.Ordinal) || token.StartsWith(">=", StringComparison.Ordinal) || token.StartsWith("<=", StringComparison.Ordinal) ? token[..2]
            : token.Length > 0 && token[0] is '~' or '^' or '<' or '>' or '=' ? token[..1]
            : "";
        if (!TryPartial(token[op.Length..], loose, out var parts, out error))
            return false;
        var z = includePrerelease ? "-0" : "";
        long? major = parts.MajorOrX;
        long? minor = major is null ? null : parts.MinorOrX;
        long? patch = minor is null ? null : parts.PatchOrX;

        switch (op)
        {
            case "~" or "~>":
                if (major is null)
                    return Add(output, NpmComparator.Any, out error);
                if (minor is null)
                    return Range(output, $">={major}.0.0{z}", $"<{major + 1}.0.0-0", loose, out error);
                if (patch is null)
                    return Range(output, $">={major}.{minor}.0{z}", $"<{major}.{minor + 1}.0-0", loose, out error);
                return Range(output, $">={Full(parts)}", $"<{major}.{minor + 1}.0-0", loose, out error);
            case "^":
                if (major is null)
                    return Add(output, NpmComparator.Any, out error);
                if (minor is null)
                    return Range(output, $">={major}.0.0{z}", $"<{major + 1}.0.0-0", loose, out error);
                if (patch is null)
                {
                    return major == 0
                        ? Range(output, $">={major}.{minor}.0{z}", $"<{major}.{minor + 1}.0-0", loose, out error)
                        : Range(output, $">={major}.{minor}.0{z}", $"<{major + 1}.0.0-0", loose, out error);
                }
                var upper = major != 0 ? $"<{major + 1}.0.0-0" : minor != 0 ? $"<0.{minor + 1}.0-0" : $"<0.0.{patch + 1}-0";
                return Range(output, $">={Full(parts)}", upper, loose, out error);
        }

        if (patch is not null)
        {
            // Strictly, a plain version may only be preceded by its operator and one "v" (node-semver's COMPARATOR).
            var written = token[op.Length..];
            if (!loose && written.Length - written.TrimStart("v= ").Length > (written.StartsWith('v') ? 1 : 0))
            {
                error = $"Invalid comparator: '{token}'.";
                return false;
            }
            return Primitive(output, op, Full(parts), loose, out error);
        }

        // X-ranges.
        if (op == "=")
            op = "";
        if (major is null)
            return Add(output, op is ">" or "<" ? NpmComparator.None : NpmComparator.Any, out error);
        if (op.Length > 0)
        {
            long m = major.Value;
            long n = minor ?? 0;
            string pr = z;
            switch (op)
            {
                case ">":
                    op = ">=";
                    if (minor is null)
                        (m, n) = (m + 1, 0);
                    else
                        n++;
                    break;
                case "<=":
                    op = "<";
                    if (minor is null)
                        m++;
                    else
                        n++;
                    break;
            }
            if (op == "<")
                pr = "-0";
            return Primitive(output, op, $"{m}.{n}.0{pr}", loose, out error);
        }
        return minor is null
            ? Range(output, $">={major}.0.0{z}", $"<{major + 1}.0.0-0", loose, out error)
            : Range(output, $">={major}.{minor}.0{z}", $"<{major}.{minor + 1}.0-0", loose, out error);
    }

    private static bool Hyphen(NpmParts from, NpmParts to, bool includePrerelease, List<NpmComparator> output, out string? error)
    {
        error = null;
        var z = includePrerelease ? "-0" : "";
        if (from.MajorOrX is { } fM)
        {
            var lower = from.MinorOrX is not { } fm ? $">={fM}.0.0{z}"
                : from.PatchOrX is null ? $">={fM}.{fm}.0{z}"
                : from.Prerelease.Length > 0 ? $">={Full(from)}"
                : $">={Full(from)}{z}";
            if (!Primitive(output, lower, loose: true, out error))
                return false;
        }
        if (to.MajorOrX is { } tM)
        {
            var upper = to.MinorOrX is not { } tm ? $"<{tM + 1}.0.0-0"
                : to.PatchOrX is not { } tp ? $"<{tM}.{tm + 1}.0-0"
                : to.Prerelease.Length > 0 ? $"<={Full(to)}"
                : includePrerelease ? $"<{tM}.{tm}.{tp + 1}-0"
                : $"<={Full(to)}";
            if (!Primitive(output, upper, loose: true, out error))
                return false;
        }
        return true;
    }

    private static string Full(NpmParts parts) =>
        string.Create(CultureInfo.InvariantCulture, $"{parts.Major}.{parts.Minor}.{parts.Patch}")
        + (parts.Prerelease.Length > 0 ? "-" + string.Join('.', parts.Prerelease) : "");

    private static bool Add(List<NpmComparator> output, NpmComparator comparator, out string? error)
    {
        output.Add(comparator);
        error = null;
        return true;
    }

    private static bool Range(List<NpmComparator> output, string lower, string upper, bool loose, out string? error) =>
        Primitive(output, lower, loose, out error) && Primitive(output, upper, loose, out error);

    private static bool Primitive(List<NpmComparator> output, string comparator, bool loose, out string? error)
    {
        var op = comparator.StartsWith(">=", StringComparison.Ordinal) || comparator.StartsWith("<=", StringComparison.Ordinal) ? comparator[..2]
            : comparator[0] is '<' or '>' or '=' ? comparator[..1]
            : "";
        return Primitive(output, op, comparator[op.Length..], loose, out error);
    }

    private static bool Primitive(List<NpmComparator> output, string op, string version, bool loose, out string? error)
    {
        if (!NpmVersion.TryParse(version, loose, out var parsed, out error))
            return false;
        output.Add(NpmComparator.Create(op, parsed));
        return true;
    }
}
