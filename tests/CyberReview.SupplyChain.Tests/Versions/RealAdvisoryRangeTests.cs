using System.Text.Json;
using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;

namespace CyberReview.SupplyChain.Tests.Versions;

/// <summary>
/// The ranges of the real OSV records in shared/data (Go vulndb, RustSec, trustify's OSV samples; the PyPA
/// records are YAML and are read by the advisories model): every SEMVER and ECOSYSTEM range of an ecosystem with
/// an ordering here can be evaluated, and every version a record lists explicitly lies in one of its ranges.
/// </summary>
public sealed class RealAdvisoryRangeTests
{
    public static TheoryData<string> Folders => new("osv-go-vulndb", "osv-rustsec", "advisories-misc-trustify/trustify-osv");

    [Theory]
    [MemberData(nameof(Folders))]
    public void Every_range_can_be_evaluated_and_contains_the_versions_the_record_lists(string folder)
    {
        var root = SharedData.Require(folder);
        var failures = new List<string>();
        int ranges = 0;
        int listed = 0;
        foreach (var path in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("affected", out var affected))
                continue;
            foreach (var entry in affected.EnumerateArray())
            {
                if (!entry.TryGetProperty("package", out var package) || !Ecosystem.TryFromOsvName(package.GetProperty("ecosystem").GetString(), out var ecosystem))
                    continue;
                var created = new List<AffectedRange>();
                foreach (var range in entry.TryGetProperty("ranges", out var list) ? list.EnumerateArray() : default)
                {
                    var type = range.GetProperty("type").GetString()!;
                    if (type == "GIT")
                        continue;
                    ranges++;
                    var events = range.GetProperty("events").EnumerateArray()
                        .SelectMany(e => e.EnumerateObject().Select(p => new OsvRangeEvent(p.Name, p.Value.GetString()!)));
                    if (AffectedRange.TryCreate(type, ecosystem, events, out var evaluated, out var error))
                        created.Add(evaluated);
                    else
                        failures.Add($"{Path.GetFileName(path)}: {error}");
                }
                foreach (var version in entry.TryGetProperty("versions", out var versions) ? versions.EnumerateArray() : default)
                {
                    listed++;
                    if (created.Count > 0 && !created.Exists(r => r.Contains(version.GetString()!)))
                        failures.Add($"{Path.GetFileName(path)}: the listed version {version.GetString()} is in none of the ranges");
                }
            }
        }
        Assert.True(ranges > 0, $"No ranges found under {folder}.");
        Assert.True(failures.Count == 0, $"{failures.Count} problems in {ranges} ranges and {listed} listed versions:\n{string.Join('\n', failures)}");
    }
}
