using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;
using static CyberReview.SupplyChain.Tests.Analysis.AnalysisFixtures;

namespace CyberReview.SupplyChain.Tests.Analysis;

public sealed class SbomAnalysisTests
{
    private static readonly Advisory Jinja = Osv("PYSEC-2024-1", "PyPI", "Jinja2", """[{"introduced": "0"}, {"fixed": "3.1.3"}]""",
        """, "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N"}]""", """["CVE-2024-22195"]""");

    [Fact]
    public void A_real_red_hat_sbom_has_golang_x_text_affected_by_the_real_ghsa_and_go_records_with_their_fix()
    {
        var sbom = SbomReader.ReadFile(SharedData.Require("redhat-sboms/openshift-container-storage-4.8.z.json.gz"));
        var advisories = new[]
        {
            "advisories-misc-trustify/trustify-osv/GHSA-69ch-w2m2-3vjp.json",
            "osv-go-vulndb/osv/GO-2022-1059.json",
        }.SelectMany(path => AdvisorySource.ReadAccepted(SharedData.Require(path)));

        var report = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build(advisories));

        var ghsa = report.Findings.Where(f => f.Advisory.Id == "GHSA-69ch-w2m2-3vjp").ToList();
        Assert.Equal(["v0.3.3", "v0.3.4", "v0.3.6"], ghsa.Select(f => f.Component.Purl!.Version).Distinct().Order(StringComparer.Ordinal));
        Assert.All(ghsa, f =>
        {
            Assert.Equal("golang.org/x/text", $"{f.Component.Purl!.Namespace}/{f.Component.Purl.Name}");
            Assert.Equal(["0.3.8"], f.FixedVersions);
            Assert.Equal(SeverityRating.High, f.Severity.Rating);
            Assert.Equal(7.5, f.Severity.Score);
            Assert.Equal("CVSS_V3", f.Severity.Source);
        });
        // The Go database's record of the same CVE rates nothing: it takes its GHSA twin's rating, and says so.
        var go = report.Findings.Where(f => f.Advisory.Id == "GO-2022-1059").ToList();
        Assert.Equal(ghsa.Count, go.Count);
        Assert.All(go, f => Assert.Equal((SeverityRating.High, 7.5, "GHSA-69ch-w2m2-3vjp CVSS_V3"), (f.Severity.Rating, f.Severity.Score!.Value, f.Severity.Source)));
        Assert.Equal(7994, report.Facts.ComponentCount);
        Assert.Equal(2, report.AdvisoryCount);
    }

    [Theory]
    [InlineData("3.1.2", true)]
    [InlineData("3.1.3", false)]
    [InlineData("2.0", true)]
    [InlineData("3.2.0", false)]
    public void A_component_is_affected_below_the_fix_and_not_from_it(string version, bool affected)
    {
        var sbom = Sbom(new Part("Jinja2", version, $"pkg:pypi/jinja2@{version}"));

        var report = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build([Jinja]));

        Assert.Equal(affected, report.Findings.Any(f => f.Advisory.Id == "PYSEC-2024-1"));
        Assert.Empty(report.UnknownVersions);
    }

    [Fact]
    public void A_finding_carries_ids_severity_computed_from_the_vector_and_fixed_versions()
    {
        var report = SbomAnalysis.Analyse(Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0")), AdvisoryIndex.Build([Jinja]));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(["CVE-2024-22195"], finding.Advisory.Aliases);
        Assert.Equal(5.4, finding.Severity.Score);
        Assert.Equal(SeverityRating.Medium, finding.Severity.Rating);
        Assert.Equal(["3.1.3"], finding.FixedVersions);
        Assert.True(finding.Remains);
    }

    [Theory]
    [InlineData("""[{"introduced": "1.0.0"}, {"last_affected": "1.4.0"}]""", "1.4.0", true)]
    [InlineData("""[{"introduced": "1.0.0"}, {"last_affected": "1.4.0"}]""", "1.4.1", false)]
    [InlineData("""[{"introduced": "1.0.0"}, {"fixed": "1.2.0"}, {"introduced": "2.0.0"}, {"fixed": "2.1.0"}]""", "1.5.0", false)]
    [InlineData("""[{"introduced": "1.0.0"}, {"fixed": "1.2.0"}, {"introduced": "2.0.0"}, {"fixed": "2.1.0"}]""", "2.0.5", true)]
    public void Ranges_follow_the_osv_event_walk(string events, string version, bool affected)
    {
        var advisory = Osv("GHSA-aaaa-bbbb-cccc", "npm", "left-pad", events);

        var report = SbomAnalysis.Analyse(Sbom(new Part("left-pad", version, $"pkg:npm/left-pad@{version}")), AdvisoryIndex.Build([advisory]));

        Assert.Equal(affected, report.Findings.Count == 1);
    }

    [Fact]
    public void An_explicit_version_list_matches_without_a_range()
    {
        var advisory = Osv("""
            { "id": "RUSTSEC-2099-0001", "modified": "2024-01-01T00:00:00Z",
              "affected": [{ "package": { "ecosystem": "crates.io", "name": "smallvec" }, "versions": ["0.6.9", "0.6.10"] }] }
            """);
        var sbom = Sbom(new Part("smallvec", "0.6.10", "pkg:cargo/smallvec@0.6.10"), new Part("smallvec", "0.6.11", "pkg:cargo/smallvec@0.6.11", Ref: "other"));

        var report = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build([advisory]));

        Assert.Equal("0.6.10", Assert.Single(report.Findings).Component.Version);
    }

    [Fact]
    public void A_version_that_cannot_be_read_is_reported_as_unknown_with_the_reason_never_dropped()
    {
        var sbom = Sbom(new Part("Jinja2", "not a version!", "pkg:pypi/jinja2@not%20a%20version%21"), new Part("requests", "2.0", "pkg:pypi/requests@2.0", Ref: "r"));

        var report = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build([Jinja]));

        Assert.Empty(report.Findings);
        var unknown = Assert.Single(report.UnknownVersions);
        Assert.Equal("Jinja2", unknown.Component.Name);
        Assert.Equal(["PYSEC-2024-1"], unknown.AdvisoryIds);
        Assert.Contains("not a version!", unknown.Reason, StringComparison.Ordinal);
        Assert.Contains("PEP 440", unknown.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_database_severity_word_is_the_fallback_when_no_vector_is_given()
    {
        var advisory = Osv("GHSA-xxxx-yyyy-zzzz", "npm", "minimist", """[{"introduced": "0"}, {"fixed": "1.2.6"}]""", """, "database_specific": {"severity": "MODERATE"}""");

        var report = SbomAnalysis.Analyse(Sbom(new Part("minimist", "1.2.5", "pkg:npm/minimist@1.2.5")), AdvisoryIndex.Build([advisory]));

        var severity = Assert.Single(report.Findings).Severity;
        Assert.Equal(SeverityRating.Medium, severity.Rating);
        Assert.Null(severity.Score);
        Assert.Equal("database", severity.Source);
    }

    [Theory]
    // A version-less purl names every version of the package.
    [InlineData("CVE-2024-22195", "pkg:pypi/jinja2", "not_affected", true)]
    // The advisory's own id works as well as an alias; package names compare as PyPI compares them.
    [InlineData("PYSEC-2024-1", "pkg:pypi/Jinja2", "fixed", true)]
    // A purl with a version names only that version.
    [InlineData("CVE-2024-22195", "pkg:pypi/jinja2@3.0.0", "not_affected", true)]
    [InlineData("CVE-2024-22195", "pkg:pypi/jinja2@3.0.1", "not_affected", false)]
    // Another package or another vulnerability does not apply.
    [InlineData("CVE-2024-22195", "pkg:pypi/flask", "not_affected", false)]
    [InlineData("CVE-2099-0001", "pkg:pypi/jinja2", "not_affected", false)]
    // Statements that do not settle the finding keep it.
    [InlineData("CVE-2024-22195", "pkg:pypi/jinja2", "affected", false)]
    [InlineData("CVE-2024-22195", "pkg:pypi/jinja2", "under_investigation", false)]
    public void A_vex_statement_applies_by_vulnerability_id_or_alias_and_by_product_purl(string vulnerability, string product, string status, bool suppressed)
    {
        var vex = OpenVex((vulnerability, product, status, status == "not_affected" ? "vulnerable_code_not_in_execute_path" : null));

        var report = SbomAnalysis.Analyse(Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0")), AdvisoryIndex.Build([Jinja]), vex);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(!suppressed, finding.Remains);
        Assert.Equal(suppressed ? 0 : 1, report.CountRemainingAtOrAbove(SeverityRating.Low));
        if (suppressed)
            Assert.Equal(status == "fixed" ? VexStatus.Fixed : VexStatus.NotAffected, finding.Vex!.Status);
    }

    [Fact]
    public void The_latest_applicable_statement_wins()
    {
        var older = OpenVex(("CVE-2024-22195", "pkg:pypi/jinja2", "under_investigation", null))
            .Select(s => s with { Timestamp = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) });
        var newer = OpenVex(("CVE-2024-22195", "pkg:pypi/jinja2", "not_affected", "component_not_present"))
            .Select(s => s with { Timestamp = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) });

        var report = SbomAnalysis.Analyse(Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0")), AdvisoryIndex.Build([Jinja]), [.. newer, .. older]);

        var vex = Assert.Single(report.Findings).Vex!;
        Assert.Equal(VexStatus.NotAffected, vex.Status);
        Assert.Equal("component_not_present", vex.Justification);
    }

    [Theory]
    [InlineData(SeverityRating.Low, 1)]
    [InlineData(SeverityRating.Medium, 1)]
    [InlineData(SeverityRating.High, 0)]
    public void Remaining_findings_count_from_a_threshold(SeverityRating threshold, int count)
    {
        var report = SbomAnalysis.Analyse(Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0")), AdvisoryIndex.Build([Jinja]));

        Assert.Equal(count, report.CountRemainingAtOrAbove(threshold));
    }

    [Fact]
    public void An_unrated_finding_counts_at_any_threshold()
    {
        var advisory = Osv("GO-2099-0001", "Go", "example.com/mod", """[{"introduced": "0"}, {"fixed": "1.0.1"}]""");

        var report = SbomAnalysis.Analyse(Sbom(new Part("example.com/mod", "v1.0.0", "pkg:golang/example.com/mod@v1.0.0")), AdvisoryIndex.Build([advisory]));

        Assert.Equal(SeverityRating.Unknown, Assert.Single(report.Findings).Severity.Rating);
        Assert.Equal(1, report.CountRemainingAtOrAbove(SeverityRating.Critical));
    }

    [Fact]
    public void Ranges_are_prepared_once_per_entry_and_reused_across_sboms()
    {
        var matcher = new AdvisoryMatcher(AdvisoryIndex.Build([Jinja]));
        var first = SbomAnalysis.Analyse(Sbom(new Part("Jinja2", "3.0.0", "pkg:pypi/jinja2@3.0.0")), matcher);
        var second = SbomAnalysis.Analyse(Sbom(new Part("jinja2", "3.1.2", "pkg:pypi/jinja2@3.1.2")), matcher);

        Assert.Same(first.Findings[0].Advisory, second.Findings[0].Advisory);
        Assert.Single(second.Findings);
    }

    [Fact]
    public void Supply_chain_facts_name_missing_suppliers_licence_concerns_depth_ecosystems_and_concentration()
    {
        var sbom = Sbom(
            new Part("a", "1.0.0", "pkg:npm/a@1.0.0", Supplier: "Acme", Licence: "MIT"),
            new Part("b", "1.0.0", "pkg:npm/b@1.0.0", Supplier: "Acme", Licence: "AGPL-3.0-only OR MIT", Ref: "b"),
            new Part("c", "1.0.0", "pkg:pypi/c@1.0.0", Supplier: "Other", Licence: "(GPL-2.0-or-later)", Ref: "c"),
            new Part("d", "1.0.0", "pkg:pypi/d@1.0.0", Supplier: null, Licence: null, Ref: "d"));

        var facts = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build([])).Facts;

        Assert.Equal("d", Assert.Single(facts.ComponentsWithoutSupplier).Name);
        Assert.Equal(
            [("b", LicenceConcernKind.Denied, "AGPL-3.0-only"), ("c", LicenceConcernKind.ForReview, "GPL-2.0-or-later"), ("d", LicenceConcernKind.NoLicence, "")],
            facts.LicenceConcerns.Select(c => (c.Component.Name, c.Kind, string.Join(",", c.Licences))));
        Assert.Equal(1, facts.DependencyDepth);
        Assert.Equal(2, facts.ComponentsByEcosystem["npm"]);
        Assert.Equal(2, facts.ComponentsByEcosystem["pypi"]);
        Assert.Equal([("Acme", 2), ("Other", 1)], facts.Suppliers.Select(s => (s.Supplier, s.Components)));
        Assert.Equal(5.0 / 9.0, facts.SupplierConcentration, 6);
    }

    [Fact]
    public void A_custom_licence_policy_replaces_the_default()
    {
        var sbom = Sbom(new Part("a", "1.0.0", "pkg:npm/a@1.0.0", Licence: "MIT"));
        var policy = new LicencePolicy { Deny = new HashSet<string>(["mit"], StringComparer.OrdinalIgnoreCase) };

        var facts = SbomAnalysis.Analyse(sbom, AdvisoryIndex.Build([]), licences: policy).Facts;

        Assert.Equal(LicenceConcernKind.Denied, Assert.Single(facts.LicenceConcerns).Kind);
    }
}
