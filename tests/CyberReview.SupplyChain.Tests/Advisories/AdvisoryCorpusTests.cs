using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Tests.Advisories;

/// <summary>The real advisory corpora in shared/data, read in place; counts from SOURCES.md and recounted independently.</summary>
public sealed class AdvisoryCorpusTests
{
    private static List<AdvisoryReadResult> ReadAll(string folder) => AdvisorySource.Read(SharedData.Require(folder)).ToList();

    private static void AssertAllAccepted(List<AdvisoryReadResult> results)
    {
        var refused = results.Where(result => !result.IsAccepted).Select(result => $"{result.Source}: {string.Join("; ", result.Problems)}").Take(10).ToList();
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
    }

    [Fact]
    public void Go_vulndb_loads_4291_advisories_17_withdrawn_6125_affected_entries_all_semver()
    {
        var results = ReadAll("osv-go-vulndb/osv");
        AssertAllAccepted(results);
        var advisories = results.Select(result => result.Advisory!).ToList();
        Assert.Equal(4291, advisories.Count);
        Assert.Equal(17, advisories.Count(advisory => advisory.IsWithdrawn));
        Assert.Equal(6125, advisories.Sum(advisory => advisory.Affected.Count));
        Assert.All(advisories.SelectMany(advisory => advisory.Affected).SelectMany(affected => affected.Ranges), range => Assert.Equal(RangeType.Semver, range.Type));
        // Every Go record carries the zero time as 'modified' (SOURCES.md): read, not refused.
        Assert.All(advisories, advisory => Assert.Equal(DateTimeOffset.MinValue, advisory.Modified.Value));
        var first = advisories.Single(advisory => advisory.Id == "GO-2020-0001");
        Assert.Equal("Go", first.Affected[0].Ecosystem);
    }

    [Fact]
    public void PyPA_loads_2661_yaml_advisories_with_unquoted_timestamps_as_text()
    {
        var results = ReadAll("osv-pypa/vulns");
        AssertAllAccepted(results);
        var advisories = results.Select(result => result.Advisory!).ToList();
        Assert.Equal(2661, advisories.Count);
        Assert.Equal(10, advisories.Count(advisory => advisory.IsWithdrawn));
        Assert.Equal(2621, advisories.Count(advisory => advisory.Affected.Any(affected => affected.Versions.Count > 0)));
        Assert.Equal(2659, advisories.Count(advisory => advisory.Affected.SelectMany(a => a.Ranges).Any(r => r.Type == RangeType.Ecosystem)));
        // SOURCES.md counts ranges: 2,659 ECOSYSTEM and 1,391 GIT ranges; the GIT ones sit in 1,385 records (recounted).
        Assert.Equal(2659, advisories.SelectMany(advisory => advisory.Affected).SelectMany(a => a.Ranges).Count(r => r.Type == RangeType.Ecosystem));
        Assert.Equal(1391, advisories.SelectMany(advisory => advisory.Affected).SelectMany(a => a.Ranges).Count(r => r.Type == RangeType.Git));
        Assert.Equal(1385, advisories.Count(advisory => advisory.Affected.SelectMany(a => a.Ranges).Any(r => r.Type == RangeType.Git)));
        Assert.All(advisories, advisory => Assert.NotNull(advisory.Modified.Value));

        // PYSEC-2020-342 writes 'modified: 2023-11-07T20:24:23.946863Z' unquoted: kept exactly as written.
        var skywalking = advisories.Single(advisory => advisory.Id == "PYSEC-2020-342");
        Assert.Equal("2023-11-07T20:24:23.946863Z", skywalking.Modified.Text);
        Assert.Equal(new DateTimeOffset(2023, 11, 7, 20, 24, 23, TimeSpan.Zero).AddTicks(9468630), skywalking.Modified.Value);
        Assert.Equal(["0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0", "0.8.0", "1.0.0", "1.0.1"], skywalking.Affected[0].Versions);
        Assert.Equal("pkg:pypi/apache-skywalking", skywalking.Affected[0].Purl);
    }

    [Fact]
    public void RustSec_loads_1206_advisories_360_with_cvss_v3_57_with_cvss_v4_13_withdrawn()
    {
        var results = ReadAll("osv-rustsec/crates");
        AssertAllAccepted(results);
        var advisories = results.Select(result => result.Advisory!).ToList();
        Assert.Equal(1206, advisories.Count);
        Assert.Equal(13, advisories.Count(advisory => advisory.IsWithdrawn));
        Assert.Equal(360, advisories.Count(advisory => advisory.Severities.Any(severity => severity.Type == "CVSS_V3")));
        Assert.Equal(57, advisories.Count(advisory => advisory.Severities.Any(severity => severity.Type == "CVSS_V4")));
        Assert.All(advisories.SelectMany(advisory => advisory.Affected), affected => Assert.Equal("crates.io", affected.Ecosystem));
    }

    [Fact]
    public void Trustify_GHSA_records_load_and_the_dotnet_advisory_has_33_NuGet_entries()
    {
        var results = ReadAll("advisories-misc-trustify/trustify-osv");
        AssertAllAccepted(results);
        Assert.Equal(18, results.Count);
        Assert.Equal(14, results.Count(result => result.Advisory!.Id.StartsWith("GHSA-", StringComparison.Ordinal)));

        var dotnet = results.Single(result => result.Advisory!.Id == "GHSA-rh58-r7jh-xhx3").Advisory!;
        Assert.Equal(33, dotnet.Affected.Count);
        Assert.All(dotnet.Affected, affected => Assert.Equal("NuGet", affected.Ecosystem));
        var ecosystems = results.SelectMany(result => result.Advisory!.Affected).Select(affected => affected.BaseEcosystem).ToHashSet();
        Assert.Superset(new HashSet<string?> { "npm", "Maven", "PyPI", "Go", "Packagist", "crates.io", "RubyGems", "Pub", "Hex", "SwiftURL", "NuGet" }, ecosystems);
    }

    [Fact]
    public void Ghsa_to_osv_outputs_load_and_the_ghsa_api_inputs_are_refused_as_not_osv()
    {
        var folder = SharedData.Require("osv-schema/ghsa-to-osv-testdata");
        var results = AdvisorySource.Read(folder).ToList();
        var outputs = results.Where(result => result.Source.EndsWith(".osv.json", StringComparison.Ordinal)).ToList();
        var inputs = results.Except(outputs).ToList();

        Assert.Equal(11, outputs.Count);
        AssertAllAccepted(outputs);
        Assert.True(outputs.Single(result => result.Source.EndsWith("withdrawn.osv.json", StringComparison.Ordinal)).Advisory!.IsWithdrawn);
        var pypi = outputs.Single(result => result.Source.EndsWith("pypi_normalize.osv.json", StringComparison.Ordinal)).Advisory!;
        Assert.Equal("PyPI", pypi.Affected[0].Ecosystem);

        // The GHSA API documents have no 'id' or 'modified': refused under the schema rule, by name.
        Assert.Equal(11, inputs.Count);
        Assert.All(inputs, result =>
        {
            Assert.False(result.IsAccepted);
            Assert.Contains(result.Problems, problem => problem.Rule == OsvRule.Schema && problem.Message.Contains("'id'", StringComparison.Ordinal));
        });
    }

    [Theory]
    [InlineData("osv-DSA-5474-1.json", true, "")]
    [InlineData("osv-GHSA-77rv-6vfw-x4gc.json", true, "")]
    [InlineData("osv-git-commit-hash-ranges.json", true, "")]
    [InlineData("osv-vulnerability-exact-version.json", false, "'modified' is required")]
    [InlineData("osv-git-conflict-upper-bound-range.json", false, "'modified' is required")]
    [InlineData("osv-git-no-upper-bound-range.json", false, "'modified' is required")]
    [InlineData("osv-git-upper-bound-range.json", false, "'modified' is required")]
    [InlineData("osv-vulnerability-invalid-cvss.json", false, "'severity[0]' needs both 'type' and 'score'")]
    [InlineData("osv-vulnerability-no-range.json", false, "'affected[0].package.ecosystem' is not an ecosystem of the OSV schema: \"JavaScript\"")]
    [InlineData("osv-vulnerability-with-ranges.json", true, "")]
    public void Dependency_track_edge_cases_are_accepted_or_refused_naming_the_rule(string file, bool accepted, string message)
    {
        var result = AdvisorySource.Read(SharedData.Require($"dependency-track-testdata/osv/{file}")).Single();
        Assert.True(accepted == result.IsAccepted, string.Join("; ", result.Problems));
        if (!accepted)
            Assert.Contains(result.Problems, problem => problem.Rule.Kind == OsvRuleKind.Required && problem.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("osv-go-vulndb/osv", "REC:002", 20)]
    [InlineData("osv-rustsec/crates", "RNG:002", 4)]
    [InlineData("osv-pypa/vulns", "RNG:002", 3)]
    public void Linting_the_published_corpora_finds_what_the_linter_would(string folder, string code, int records)
    {
        // Recounted with a separate script over the same files; only these rules fire, and no purl is invalid.
        var results = AdvisorySource.Read(SharedData.Require(folder), AdvisoryReadOptions.Lint).ToList();
        var refused = results.Where(result => !result.IsAccepted).ToList();

        Assert.Equal(records, refused.Count);
        Assert.All(refused.SelectMany(result => result.Problems).Where(problem => problem.Rule.Kind != OsvRuleKind.Advice), problem => Assert.Equal(code, problem.Rule.Code));
    }
}
