using System.Text.Json;
using CyberReview.Tests;

namespace CyberReview.Cli.Tests.Commands;

/// <summary>
/// <c>sbom analyze</c> on a real Red Hat SBOM (OpenShift Container Storage 4.8, 7,994 packages) against the real GHSA
/// records: its golang.org/x/text v0.3.3, v0.3.4 and v0.3.6 are affected by GHSA-69ch-w2m2-3vjp (CVE-2022-32149, fixed in 0.3.8).
/// </summary>
public sealed class SbomCommandsTests
{
    private static string Sbom => SharedData.Require("redhat-sboms/openshift-container-storage-4.8.z.json.gz");

    private static string Ghsa => SharedData.Require("advisories-misc-trustify/trustify-osv");

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, new CliConsole(new StringReader(""), output, error));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_table_names_the_vulnerable_component_with_its_advisory_and_fix_and_exits_1()
    {
        var run = await RunAsync("sbom", "analyze", Sbom, "--advisories", Ghsa);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("GHSA-69ch-w2m2-3vjp", StringComparison.Ordinal) && l.Contains("v0.3.3", StringComparison.Ordinal));
        Assert.Contains("golang.org/x/text", line, StringComparison.Ordinal);
        Assert.Contains("CVE-2022-32149", line, StringComparison.Ordinal);
        Assert.Contains("0.3.8", line, StringComparison.Ordinal);
        Assert.StartsWith("HIGH", line, StringComparison.Ordinal);
        Assert.Contains("7,994 components", run.Output, StringComparison.Ordinal);
        Assert.Contains("Components without supplier: 3 of 7,994", run.Output, StringComparison.Ordinal);
        Assert.Contains("Dependency depth:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("high", 1)]
    [InlineData("critical", 0)]
    public async Task Fail_on_sets_the_threshold_of_exit_code_1(string threshold, int exitCode)
    {
        var run = await RunAsync("sbom", "analyze", Sbom, "--advisories", Ghsa, "--fail-on", threshold);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains("GHSA-69ch-w2m2-3vjp", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vex_statement_suppresses_the_finding_and_the_exit_code_turns_0()
    {
        var vex = Path.Combine(Directory.CreateTempSubdirectory("cr-vex-").FullName, "x-text.openvex.json");
        await File.WriteAllTextAsync(vex, """
            {
              "@context": "https://openvex.dev/ns/v0.2.0",
              "@id": "https://example.org/vex/x-text",
              "author": "Evaluator",
              "timestamp": "2024-02-01T00:00:00Z",
              "version": 1,
              "statements": [
                { "vulnerability": { "name": "CVE-2022-32149" }, "products": [{ "@id": "pkg:golang/golang.org/x/text" }],
                  "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path" },
                { "vulnerability": { "name": "CVE-2021-38561" }, "products": [{ "@id": "pkg:golang/golang.org/x/text" }],
                  "status": "not_affected", "justification": "vulnerable_code_not_present" }
              ]
            }
            """, TestContext.Current.CancellationToken);

        var run = await RunAsync("sbom", "analyze", Sbom, "--advisories", Ghsa, "--vex", vex);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("GHSA-69ch-w2m2-3vjp", StringComparison.Ordinal) && l.Contains("v0.3.3", StringComparison.Ordinal));
        Assert.Contains("not_affected (vulnerable_code_not_in_execute_path)", line, StringComparison.Ordinal);
        Assert.Contains("6 findings; 0 remain after VEX", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_goes_to_the_output_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cr-json-").FullName, "report.json");

        var run = await RunAsync("sbom", "analyze", Sbom, "--advisories", Ghsa, "--format", "json", "--output", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f =>
            f.GetProperty("advisory").GetProperty("id").GetString() == "GHSA-69ch-w2m2-3vjp"
            && f.GetProperty("component").GetProperty("purl").GetString() == "pkg:golang/golang.org/x/text@v0.3.3");
    }

    [Theory]
    [InlineData("sarif", "runs")]
    [InlineData("cdx-vdr", "vulnerabilities")]
    public async Task Sarif_and_vdr_go_to_standard_output(string format, string property)
    {
        var run = await RunAsync("sbom", "analyze", Sbom, "--advisories", Ghsa, "--format", format);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty(property).GetArrayLength() > 0);
    }

    [Fact]
    public async Task No_advisories_still_reports_the_supply_chain_facts_and_exits_0()
    {
        var run = await RunAsync("sbom", "analyze", Sbom);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No component is affected", run.Output, StringComparison.Ordinal);
        Assert.Contains("Ecosystems: golang 4,150, npm 2,229, rpm 1,435", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_sbom_is_bad_input_with_the_reason()
    {
        var notAnSbom = SharedData.Require("osv-go-vulndb/osv/GO-2022-1059.json");

        var run = await RunAsync("sbom", "analyze", notAnSbom);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("It looks like an OSV advisory, not an SBOM", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_sbom_or_advisory_path_is_bad_input()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cr-missing-{Guid.NewGuid():N}");

        var sbom = await RunAsync("sbom", "analyze", missing);
        var advisories = await RunAsync("sbom", "analyze", Sbom, "--advisories", missing);

        Assert.Equal(2, sbom.ExitCode);
        Assert.Contains("Cannot read the SBOM", sbom.Error, StringComparison.Ordinal);
        Assert.Equal(2, advisories.ExitCode);
        Assert.Contains("Cannot read the advisories", advisories.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_format_is_bad_input()
    {
        var run = await RunAsync("sbom", "analyze", Sbom, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'xml'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_vex_document_is_bad_input()
    {
        var run = await RunAsync("sbom", "analyze", Sbom, "--vex", Sbom);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cannot read the VEX document", run.Error, StringComparison.Ordinal);
    }
}
