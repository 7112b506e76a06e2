using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// Converts an ecosystem's native range notation into a vers range, the way the vers specification's
/// "from_native" cases do: every comparator of every alternative becomes one vers constraint, and the
/// constraints are sorted by version. This is a notation change for display and exchange, not an evaluation:
/// a vers range cannot express npm's "a b || c d" exactly, so use NpmRange to test npm versions.
/// </summary>
public static partial class NativeRanges
{
    private static readonly string[] PypiOperators = ["===", "~=", "==", "!=", ">=", "<=", ">", "<"];

    private static readonly string[] GemOperators = ["~>", "!=", ">=", "<=", ">", "<", "="];

    /// <summary>Converts <paramref name="native"/> of <paramref name="scheme"/> ("npm", "pypi", "gem" or "nuget").</summary>
    public static bool TryToVers(string scheme, string native, [NotNullWhen(true)] out VersRange? range, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(native);
        range = null;
        List<VersConstraint>? constraints = scheme switch
        {
            "npm" => Npm(native, out error),
            "pypi" => Pypi(native, out error),
            "gem" => Gem(native, out error),
            "nuget" => NuGet(native, out error),
            _ => Unsupported(scheme, out error),
        };
        return constraints is not null && VersRange.TryCreate(scheme, constraints, out range, out error);
    }

    private static List<VersConstraint>? Unsupported(string scheme, out string? error)
    {
        error = $"No native range notation is known for the scheme '{scheme}'.";
        return null;
    }

    [GeneratedRegex(@"(>=|<=|~>|>|<|=|~|\^)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorSpace();

    private static List<VersConstraint>? Npm(string native, out string? error)
    {
        error = null;
        var result = new List<VersConstraint>();
        var text = native.Trim();
        if (text is "" or "*" or "x" or "X")
            return [new VersConstraint(VersComparator.Any, "")];
        foreach (var alternative in text.Split("||"))
        {
            var group = alternative.Trim();
            var hyphen = group.Split(" - ", StringSplitOptions.TrimEntries);
            if (hyphen.Length == 2)
            {
                result.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, Pad(hyphen[0].TrimStart('v'))));
                result.Add(new VersConstraint(VersComparator.LessThanOrEqual, Pad(hyphen[1].TrimStart('v'))));
                continue;
            }
            foreach (var token in OperatorSpace().Replace(group, "$1").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var op = token.StartsWith(">=", StringComparison.Ordinal) || token.StartsWith("<=", StringComparison.Ordinal) || token.StartsWith("~>", StringComparison.Ordinal) ? token[..2]
                    : token[0] is '>' or '<' or '=' or '~' or '^' ? token[..1]
                    : "";
                var version = token[op.Length..].TrimStart('v', '=');
                var release = version.Split('-', '+')[0].Split('.');
                int wildcard = Array.FindIndex(release, part => part is "x" or "X" or "*");
                if (wildcard == 0)
                {
                    if (op is "<" or ">")
                    {
                        error = $"'{token}' matches no version.";
                        return null;
                    }
                    continue;
                }
                if (op == "^" || op is "~" or "~>" || wildcard > 0)
                {
                    var given = wildcard > 0 ? release[..wildcard] : release;
                    var lower = wildcard > 0 ? Pad(string.Join('.', given)) : Pad(version);
                    string upper = op switch
                    {
                        "^" => Caret(given),
                        "~" or "~>" => Bump(given, given.Length >= 2 ? 1 : 0),
                        _ => Bump(given, given.Length - 1),
                    };
                    switch (op)
                    {
                        case "<":
                            result.Add(new VersConstraint(VersComparator.LessThan, lower));
                            break;
                        case "<=":
                            result.Add(new VersConstraint(VersComparator.LessThan, upper));
                            break;
                        case ">":
                            result.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, upper));
                            break;
                        default:
                            result.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, lower));
                            result.Add(new VersConstraint(VersComparator.LessThan, upper));
                            break;
                    }
                    continue;
                }
                result.Add(new VersConstraint(Comparator(op), Pad(version)));
            }
        }
        return result.Count == 0 ? [new VersConstraint(VersComparator.Any, "")] : result;
    }

    private static VersComparator Comparator(string op) => op switch
    {
        ">=" => VersComparator.GreaterThanOrEqual,
        "<=" => VersComparator.LessThanOrEqual,
        ">" => VersComparator.GreaterThan,
        "<" => VersComparator.LessThan,
        "!=" => VersComparator.NotEqual,
        _ => VersComparator.Equal,
    };

    /// <summary>"1.2" → "1.2.0": missing release numbers are zero.</summary>
    private static string Pad(string version)
    {
        int end = version.IndexOfAny(['-', '+']);
        var release = end < 0 ? version : version[..end];
        var suffix = end < 0 ? "" : version[end..];
        int numbers = release.Split('.').Length;
        for (int i = numbers; i < 3; i++)
            release += ".0";
        return release + suffix;
    }

    /// <summary>The upper bound of "^": the first non-zero number goes up (or the last given one, when all are zero).</summary>
    private static string Caret(string[] given)
    {
        for (int i = 0; i < given.Length; i++)
        {
            if (given[i] != "0" || i == given.Length - 1)
                return Bump(given, i);
        }
        return Bump(given, 0);
    }

    /// <summary>Raises number <paramref name="index"/> by one and zeroes the numbers after it, to three numbers.</summary>
    private static string Bump(string[] given, int index)
    {
        var parts = new string[3];
        for (int i = 0; i < 3; i++)
        {
            parts[i] = i < index ? (i < given.Length ? given[i] : "0")
                : i == index ? (long.Parse(given[i], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture)
                : "0";
        }
        return string.Join('.', parts);
    }

    /// <summary>PEP 440 specifiers separated by commas; "~=" becomes its two bounds.</summary>
    private static List<VersConstraint>? Pypi(string native, out string? error)
    {
        error = null;
        var result = new List<VersConstraint>();
        foreach (var raw in native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var op = PypiOperators.FirstOrDefault(o => raw.StartsWith(o, StringComparison.Ordinal));
            if (op is null)
            {
                error = $"'{raw}' does not start with a PEP 440 operator.";
                return null;
            }
            var version = raw[op.Length..].Trim();
            if (op == "~=")
            {
                var parts = version.Split('.');
                if (parts.Length < 2)
                {
                    error = $"'{raw}': '~=' needs at least two release numbers.";
                    return null;
                }
                result.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, version));
                result.Add(new VersConstraint(VersComparator.LessThan, Pessimistic(parts)));
                continue;
            }
            result.Add(new VersConstraint(op is "==" or "===" ? VersComparator.Equal : Comparator(op), version));
        }
        return result;
    }

    /// <summary>RubyGems requirements separated by commas; "~>" becomes its two bounds.</summary>
    private static List<VersConstraint>? Gem(string native, out string? error)
    {
        error = null;
        var result = new List<VersConstraint>();
        foreach (var raw in native.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var op = GemOperators.FirstOrDefault(o => raw.StartsWith(o, StringComparison.Ordinal)) ?? "=";
            var version = raw[(raw.StartsWith(op, StringComparison.Ordinal) ? op.Length : 0)..].Trim();
            if (op == "~>")
            {
                var parts = version.Split('.');
                result.Add(new VersConstraint(VersComparator.GreaterThanOrEqual, version));
                result.Add(new VersConstraint(VersComparator.LessThan, parts.Length < 2 ? Bump(parts, 0).Split('.')[0] : Pessimistic(parts)));
                continue;
            }
            result.Add(new VersConstraint(Comparator(op), version));
        }
        if (result.Count == 0)
            error = "The requirement is empty.";
        return result.Count == 0 ? null : result;
    }

    /// <summary>"2.0.8" → "2.1": the last number dropped, the one before it raised (PEP 440 "~=", RubyGems "~>").</summary>
    private static string Pessimistic(string[] parts)
    {
        var kept = parts[..^1];
        var numeric = new string(kept[^1].TakeWhile(char.IsAsciiDigit).ToArray());
        kept[^1] = (long.Parse(numeric, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return string.Join('.', kept);
    }

    /// <summary>NuGet's interval notation: "[1.0, 2.0)", "(, 1.0]", "[1.0]", or a bare minimum "1.0".</summary>
    private static List<VersConstraint>? NuGet(string native, out string? error)
    {
        error = null;
        var text = native.Trim();
        if (text.Length == 0)
        {
            error = "The range is empty.";
            return null;
        }
        if (text[0] is not ('[' or '('))
            return [new VersConstraint(VersComparator.GreaterThanOrEqual, text)];
        if (text[^1] is not (']' or ')'))
        {
            error = $"'{text}' opens an interval but does not close it.";
            return null;
        }
        var inside = text[1..^1].Split(',', StringSplitOptions.TrimEntries);
        if (inside.Length == 1)
        {
            if (text[0] != '[' || text[^1] != ']')
            {
                error = $"'{text}': an exact version is written in square brackets.";
                return null;
            }
            return [new VersConstraint(VersComparator.Equal, inside[0])];
        }
        if (inside.Length != 2)
        {
            error = $"'{text}' has more than two bounds.";
            return null;
        }
        var result = new List<VersConstraint>();
        if (inside[0].Length > 0)
            result.Add(new VersConstraint(text[0] == '[' ? VersComparator.GreaterThanOrEqual : VersComparator.GreaterThan, inside[0]));
        if (inside[1].Length > 0)
            result.Add(new VersConstraint(text[^1] == ']' ? VersComparator.LessThanOrEqual : VersComparator.LessThan, inside[1]));
        if (result.Count == 0)
            error = $"'{text}' has no bounds.";
        return result.Count == 0 ? null : result;
    }
}
