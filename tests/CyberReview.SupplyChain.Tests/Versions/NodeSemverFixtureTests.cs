using System.Text.Json;
using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;

namespace CyberReview.SupplyChain.Tests.Versions;

/// <summary>
/// node-semver's fixture tables (shared/data/node-semver-fixtures), one row per table; each row runs every case of
/// its table and lists every case that fails. Options follow node-semver's parseOptions: true or any other truthy
/// non-object means loose; an object gives "loose" and "includePrerelease" by truthiness (a RegExp gives neither).
/// </summary>
public sealed class NodeSemverFixtureTests
{
    public const string File = "node-semver-fixtures/node-semver-fixtures.json";

    /// <summary>Tables not run, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplied = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["increments"] = "semver.inc (making the next version) is not part of ordering or matching.",
        ["truncations"] = "semver truncation is not part of ordering or matching.",
        ["comparator-intersection"] = "Range intersection (semver.intersects) is not part of matching a version against a range.",
        ["range-intersection"] = "Range intersection (semver.intersects) is not part of matching a version against a range.",
    };

    public static TheoryData<string> Applied => new(
        "range-include", "range-exclude", "range-parse", "comparisons", "equality", "invalid-versions", "valid-versions",
        "version-gt-range", "version-lt-range", "version-not-gt-range", "version-not-lt-range");

    [Theory]
    [MemberData(nameof(Applied))]
    public void Every_case_of_the_table_passes(string table)
    {
        var path = SharedData.Require(File);
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var failures = new List<string>();
        int count = 0;
        foreach (var row in document.RootElement.GetProperty(table).GetProperty("rows").EnumerateArray())
        {
            count++;
            var failure = Run(table, row);
            if (failure is not null)
                failures.Add($"{row.GetRawText()}: {failure}");
        }
        Assert.True(count > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases fail:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Every_table_is_run_or_named_with_a_reason()
    {
        var path = SharedData.Require(File);
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var tables = document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(tables, Applied.Select(row => row.Data).Concat(NotApplied.Keys).Order(StringComparer.Ordinal));
    }

    private static string? Run(string table, JsonElement row)
    {
        var cells = row.EnumerateArray().ToArray();
        switch (table)
        {
            case "range-include":
            case "range-exclude":
            {
                var (loose, includePrerelease) = Options(cells.Length > 2 ? cells[2] : default);
                bool wanted = table == "range-include";
                if (!NpmRange.TryParse(cells[0].GetString(), loose, includePrerelease, out var range, out var error))
                    return wanted ? error : null;
                // A version that is not a string (false, in one case) is in no range.
                bool contains = cells[1].ValueKind == JsonValueKind.String && range.Contains(cells[1].GetString());
                return contains == wanted ? null : $"contains is {contains} (range {range})";
            }
            case "version-gt-range":
            case "version-lt-range":
            case "version-not-gt-range":
            case "version-not-lt-range":
            {
                var (loose, includePrerelease) = Options(cells.Length > 2 ? cells[2] : default);
                if (!NpmRange.TryParse(cells[0].GetString(), loose, includePrerelease, out var range, out var error))
                    return error;
                if (!NpmVersion.TryParse(cells[1].GetString(), loose, out var version, out var reason))
                    return reason;
                bool outside = table.Contains("gt", StringComparison.Ordinal) ? range.IsAbove(version.Version) : range.IsBelow(version.Version);
                bool wanted = !table.Contains("-not-", StringComparison.Ordinal);
                return outside == wanted ? null : $"outside is {outside} (range {range})";
            }
            case "range-parse":
            {
                var (loose, includePrerelease) = Options(cells.Length > 2 ? cells[2] : default);
                bool parsed = NpmRange.TryParse(cells[0].GetString(), loose, includePrerelease, out var range, out var error);
                if (cells[1].ValueKind == JsonValueKind.Null)
                    return parsed ? $"parsed as {range}, expected invalid" : null;
                return !parsed || range is null ? error : range.ToString() == cells[1].GetString() ? null : $"parsed as {range}";
            }
            case "comparisons":
            case "equality":
            {
                var (loose, _) = Options(cells.Length > 2 ? cells[2] : default);
                if (!NpmVersion.TryParse(cells[0].GetString(), loose, out var left, out var reason)
                    || !NpmVersion.TryParse(cells[1].GetString(), loose, out var right, out reason))
                    return reason;
                int forward = left.Version.CompareTo(right.Version);
                int backward = right.Version.CompareTo(left.Version);
                return table == "comparisons"
                    ? forward > 0 && backward < 0 ? null : $"compared {forward}, reversed {backward}"
                    : forward == 0 && backward == 0 ? null : $"compared {forward}";
            }
            case "invalid-versions":
            {
                // Cells that are not strings (a RegExp, an object) cannot be passed to a string parameter at all.
                if (cells[0].ValueKind != JsonValueKind.String)
                    return null;
                var (loose, _) = Options(cells.Length > 2 ? cells[2] : default);
                return NpmVersion.TryParse(cells[0].GetString(), loose, out var version, out _) ? $"parsed as {version}" : null;
            }
            case "valid-versions":
            {
                if (!NpmVersion.TryParse(cells[0].GetString(), loose: false, out var version, out var reason))
                    return reason;
                var prerelease = cells[4].EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.GetString()!);
                var build = cells[5].EnumerateArray().Select(e => e.GetString()!);
                return version.Major == cells[1].GetInt64() && version.Minor == cells[2].GetInt64() && version.Patch == cells[3].GetInt64()
                    && version.Prerelease.SequenceEqual(prerelease) && version.Build.SequenceEqual(build)
                    ? null
                    : $"read as {version.Major}.{version.Minor}.{version.Patch} [{string.Join(',', version.Prerelease)}] [{string.Join(',', version.Build)}]";
            }
            default:
                return "unknown table";
        }
    }

    private static (bool Loose, bool IncludePrerelease) Options(JsonElement options) => options.ValueKind switch
    {
        JsonValueKind.Object when options.TryGetProperty("$regexp", out _) => (false, false),
        JsonValueKind.Object => (Truthy(options, "loose"), Truthy(options, "includePrerelease")),
        JsonValueKind.True => (true, false),
        JsonValueKind.Number => (options.GetDouble() != 0, false),
        JsonValueKind.String => (options.GetString()!.Length > 0, false),
        _ => (false, false),
    };

    private static bool Truthy(JsonElement options, string name) =>
        options.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.Object or JsonValueKind.Array => true,
            JsonValueKind.Number => value.GetDouble() != 0,
            JsonValueKind.String => value.GetString()!.Length > 0,
            _ => false,
        };
}
