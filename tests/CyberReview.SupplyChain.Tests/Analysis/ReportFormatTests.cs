using System.Text.Json;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;
using static CyberReview.SupplyChain.Tests.Analysis.AnalysisFixtures;

namespace CyberReview.SupplyChain.Tests.Analysis;

/// <summary>The structure of the JSON, SARIF 2.1.0 and CycloneDX VDR outputs (the SARIF schema is not in shared/data, so its required properties are asserted).</summary>
public sealed class ReportFormatTests
{
    private static readonly Advisory Jinja = Osv("PYSEC-2024-1", "PyPI", "Jinja2", """[{"introduced": "0"}, {"fixed": "3.1.3"}]""",
        """, "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N"}]""", """["CVE-2024-22195"]""");

    private static readonly Advisory Minimist = Osv("GHSA-xvch-5gv4-984h", "npm", "minimist", """[{"introduced": "0"}, {"fixed": "1.2.6"}]""",
        """, "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]""", """["CVE-2021-44906"]""");

    private static SbomAnalysisReport Report() => SbomAnalysis.Analyse(
        Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0"), new Part("minimist", "1.2.5", "pkg:npm/minimist@1.2.5", Ref: "m"), new Part("six", "1.16.0", "pkg:pypi/six@1.16.0", Ref: "s")),
        AdvisoryIndex.Build([Jinja, Minimist]),
        OpenVex(("CVE-2024-22195", "pkg:pypi/jinja2", "not_affected", "vulnerable_code_not_in_execute_path")));

    [Fact]
    public void Json_has_stable_names_for_findings_vex_unknown_versions_and_supply_chain_facts()
    {
        using var stream = new MemoryStream();
        AnalysisJson.Write(Report(), stream);
        using var json = Parse(stream);
        var root = json.RootElement;

        Assert.Equal(AnalysisJson.Schema, root.GetProperty("schema").GetString());
        Assert.Equal(3, root.GetProperty("sbom").GetProperty("components").GetInt32());
        Assert.Equal(2, root.GetProperty("summary").GetProperty("findings").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("remaining").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("remainingBySeverity").GetProperty("critical").GetInt32());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var first = findings[0];
        Assert.Equal("GHSA-xvch-5gv4-984h", first.GetProperty("advisory").GetProperty("id").GetString());
        Assert.Equal("pkg:npm/minimist@1.2.5", first.GetProperty("component").GetProperty("purl").GetString());
        Assert.Equal("critical", first.GetProperty("severity").GetProperty("rating").GetString());
        Assert.Equal(9.8, first.GetProperty("severity").GetProperty("score").GetDouble());
        Assert.Equal("1.2.6", first.GetProperty("fixedVersions")[0].GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("vex").ValueKind);
        Assert.True(first.GetProperty("remains").GetBoolean());
        var second = findings[1];
        Assert.Equal("not_affected", second.GetProperty("vex").GetProperty("status").GetString());
        Assert.Equal("vulnerable_code_not_in_execute_path", second.GetProperty("vex").GetProperty("justification").GetString());
        Assert.False(second.GetProperty("remains").GetBoolean());
        Assert.Equal("CVE-2024-22195", second.GetProperty("advisory").GetProperty("aliases")[0].GetString());
        Assert.Equal(0, root.GetProperty("unknownVersions").GetArrayLength());
        var facts = root.GetProperty("supplyChain");
        Assert.Equal(1, facts.GetProperty("dependencyDepth").GetInt32());
        Assert.Equal(2, facts.GetProperty("componentsByEcosystem").GetProperty("pypi").GetInt32());
        Assert.Equal("Example Org", facts.GetProperty("suppliers")[0].GetProperty("name").GetString());
        Assert.Equal(0, facts.GetProperty("componentsWithoutSupplier").GetArrayLength());
        Assert.Equal(0, facts.GetProperty("licenceConcerns").GetArrayLength());
    }

    [Fact]
    public void Sarif_has_one_rule_per_advisory_and_one_result_per_component_and_advisory_with_the_required_properties()
    {
        using var stream = new MemoryStream();
        AnalysisSarif.Write(Report(), stream, "sbom.cdx.json", "1.0.0");
        using var json = Parse(stream);
        var root = json.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("CyberReview", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["GHSA-xvch-5gv4-984h", "PYSEC-2024-1"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("9.8", rules[0].GetProperty("properties").GetProperty("security-severity").GetString());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var result in results)
        {
            // SARIF 2.1.0 requires a message with text; ruleId and ruleIndex must agree with the rules.
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            Assert.Equal(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
            Assert.Equal("sbom.cdx.json", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.Equal("warning", results[1].GetProperty("level").GetString());
        var suppression = Assert.Single(results[1].GetProperty("suppressions").EnumerateArray().ToList());
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.Equal("accepted", suppression.GetProperty("status").GetString());
        Assert.False(results[0].TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void The_vdr_is_a_valid_cyclonedx_1_6_document_that_our_own_readers_read_back()
    {
        using var stream = new MemoryStream();
        AnalysisVdr.Write(Report(), stream, new Guid("5f1a6b53-8c61-4d44-9c1f-2a4c86f0a0a1"), new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

        stream.Position = 0;
        var sbom = SbomReader.Read(stream, SbomReadOptions.Default with { Schema = SbomSchemaCheck.Refuse });
        Assert.Equal("1.6", sbom.SpecVersion);
        Assert.Equal(["pkg:npm/minimist@1.2.5", "pkg:pypi/jinja2@3.0.0"], sbom.Components.Select(c => c.Purl!.ToString()));

        stream.Position = 0;
        // Only a vulnerability with an analysis is a VEX statement: the one VEX settled.
        var jinja = Assert.Single(VexReader.Read(stream).Statements);
        Assert.Equal("PYSEC-2024-1", jinja.VulnerabilityId);
        Assert.Equal(VexStatus.NotAffected, jinja.Status);
        Assert.Equal("code_not_reachable", jinja.Justification);
        Assert.Contains("CVE-2024-22195", jinja.Aliases);

        using var json = Parse(stream);
        var minimist = json.RootElement.GetProperty("vulnerabilities").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "GHSA-xvch-5gv4-984h");
        var rating = minimist.GetProperty("ratings")[0];
        Assert.Equal("critical", rating.GetProperty("severity").GetString());
        Assert.Equal("CVSSv31", rating.GetProperty("method").GetString());
        Assert.Equal(9.8, rating.GetProperty("score").GetDouble());
        var reference = minimist.GetProperty("affects")[0].GetProperty("ref").GetString();
        Assert.Contains(json.RootElement.GetProperty("components").EnumerateArray(), c => c.GetProperty("bom-ref").GetString() == reference);
    }
}
