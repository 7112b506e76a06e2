using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Tests.Advisories;

/// <summary>The OSV linter's own fixtures (shared/data/osv-schema/osv-linter-testdata), judged as the linter judges them.</summary>
public sealed class OsvLinterFixtureTests
{
    private static AdvisoryReadResult Lint(string file) =>
        AdvisorySource.Read(SharedData.Require($"osv-schema/osv-linter-testdata/{file}"), AdvisoryReadOptions.Lint).Single();

    [Theory]
    [InlineData("nointroduced-CVE-2023-41045.json", "RNG:001", "'affected[0].ranges[0]' has no 'introduced' event")]
    [InlineData("nondistinct-CVE-2018-5407.json", "RNG:002", "\"e818b74be2170fbe957a07b0da4401c2b694b3b8\" is both introduced and fixed")]
    public void Bad_fixtures_are_refused_naming_the_rule(string file, string code, string message)
    {
        var result = Lint(file);

        Assert.False(result.IsAccepted);
        var problem = Assert.Single(result.Problems, problem => problem.Rule.Kind != OsvRuleKind.Advice);
        Assert.Equal(code, problem.Rule.Code);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        var exception = Assert.Throws<AdvisoryFormatException>(result.AcceptedAdvisory);
        Assert.Contains(code, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CVE-2018-5407.json")]
    [InlineData("CVE-2023-41045.json")]
    [InlineData("GHSA-9v2f-6vcg-3hgv.json")]
    [InlineData("GO-2020-0001.json")]
    [InlineData("GO-2024-2963.json")]
    [InlineData("MAL-2024-10238.json")]
    [InlineData("PYSEC-2023-74.json")]
    [InlineData("RHSA-2022_0216.json")]
    [InlineData("SUSE-FU-2022_0444-1.json")]
    // The package "Gradi0" does not exist: only PKG:001, which asks PyPI, can tell; offline the record is well formed.
    [InlineData("nopackage-GHSA-9v2f-6vcg-3hgv.json")]
    public void Good_fixtures_are_accepted(string file)
    {
        var result = Lint(file);

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.All(result.Problems, problem => Assert.Equal(OsvRuleKind.Advice, problem.Rule.Kind));
    }

    [Theory]
    [InlineData("RHSA-2022_0216.json")]
    [InlineData("SUSE-FU-2022_0444-1.json")]
    public void Records_without_affected_data_are_reported_under_REC_001_but_kept(string file)
    {
        var result = Lint(file);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(OsvRule.AffectedExists, problem.Rule);
        Assert.True(result.IsAccepted);
    }
}
