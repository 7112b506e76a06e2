using System.IO.Compression;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Tests.Vex;

/// <summary>
/// Every VEX document in the shared data (OpenVEX, CycloneDX VEX, CSAF), read in place by content. Expected counts were
/// made by a separate script over the same files (CSAF: one statement per vulnerability, status and distinct
/// justification/impact/action; CycloneDX: one per vulnerability with an analysis state).
/// </summary>
public sealed class VexDocumentTests
{
    private static VexDocument Read(string relativePath) => VexReader.Read(SharedData.Require(relativePath));

    [Theory]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/bsi-2022-0001.json", VexFormat.Csaf, 3, 0, 1, 2, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/cisco-sa-20180328-smi2.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-a-001.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-f-001.json", VexFormat.Csaf, 1, 0, 0, 1, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json", VexFormat.Csaf, 1, 1, 0, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-ui-001.json", VexFormat.Csaf, 1, 0, 0, 0, 1)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-02-na-001.json", VexFormat.Csaf, 19, 19, 0, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-03-ms-001.json", VexFormat.Csaf, 19, 6, 5, 3, 5)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-04-001.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-05-001.json", VexFormat.Csaf, 1, 0, 0, 0, 1)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-06-001.json", VexFormat.Csaf, 2, 1, 1, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-07-001.json", VexFormat.Csaf, 5, 2, 2, 1, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-08-001.json", VexFormat.Csaf, 10, 4, 4, 2, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-09-001.json", VexFormat.Csaf, 4, 2, 2, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/csaf_vex/sec-vex-2022-0001.json", VexFormat.Csaf, 3, 3, 0, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/rhsa-2019_1862.json", VexFormat.Csaf, 0, 0, 0, 0, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/rhsa-2021_5186.json", VexFormat.Csaf, 4, 2, 0, 2, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/rhsa-2021_5217.json", VexFormat.Csaf, 1, 0, 0, 1, 0)]
    [InlineData("csaf-oasis/csaf_2.0/examples/csaf/rhsa-2022_0011.json", VexFormat.Csaf, 1, 0, 0, 1, 0)]
    [InlineData("csaf-redhat/CVE-2023-20862.json", VexFormat.Csaf, 4, 1, 3, 0, 0)]
    [InlineData("csaf-redhat/CVE-2024-34500.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-redhat/CVE-2024-34502.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-redhat/CVE-2024-34506.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-redhat/CVE-2024-34507.json", VexFormat.Csaf, 1, 0, 1, 0, 0)]
    [InlineData("csaf-redhat/CVE-2024-5154.json", VexFormat.Csaf, 5, 1, 1, 3, 0)]
    [InlineData("csaf-redhat/RHBA-2024_1440.json", VexFormat.Csaf, 4, 2, 0, 2, 0)]
    [InlineData("csaf-redhat/cve-2023-0044.json", VexFormat.Csaf, 3, 1, 1, 1, 0)]
    [InlineData("csaf-redhat/cve-2023-33201.json", VexFormat.Csaf, 8, 1, 3, 4, 0)]
    [InlineData("csaf-redhat/rhsa-2023_5835.json", VexFormat.Csaf, 2, 0, 0, 2, 0)]
    [InlineData("csaf-redhat/rhsa-2024-2705.json.gz", VexFormat.Csaf, 4, 2, 0, 2, 0)]
    [InlineData("csaf-redhat/rhsa-2024_2049.json", VexFormat.Csaf, 6, 3, 0, 3, 0)]
    [InlineData("csaf-redhat/rhsa-2024_2054.json", VexFormat.Csaf, 2, 1, 0, 1, 0)]
    [InlineData("csaf-redhat/rhsa-2024_2071.json", VexFormat.Csaf, 2, 1, 0, 1, 0)]
    [InlineData("csaf-redhat/rhsa-2024_2776.json", VexFormat.Csaf, 2, 1, 0, 1, 0)]
    [InlineData("csaf-redhat/rhsa-2024_2784.json", VexFormat.Csaf, 6, 3, 0, 3, 0)]
    [InlineData("csaf-redhat/rhsa-2024_3351.json", VexFormat.Csaf, 2, 1, 0, 1, 0)]
    [InlineData("csaf-redhat/rhsa-2024_3666.json", VexFormat.Csaf, 2, 0, 0, 2, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-affected.json", VexFormat.CycloneDx, 1, 0, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-fixed.json", VexFormat.CycloneDx, 1, 0, 0, 1, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-under_investigation.json", VexFormat.CycloneDx, 1, 0, 0, 0, 1)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-2/vex.json", VexFormat.CycloneDx, 19, 19, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-3/vex.json", VexFormat.CycloneDx, 19, 6, 5, 3, 5)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-4/vex.json", VexFormat.CycloneDx, 1, 0, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-5/vex.json", VexFormat.CycloneDx, 1, 0, 0, 0, 1)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-6/vex.json", VexFormat.CycloneDx, 2, 1, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-7/vex.json", VexFormat.CycloneDx, 4, 2, 1, 1, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-8/vex.json", VexFormat.CycloneDx, 8, 4, 2, 2, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-1/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-10/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-11/vex.json", VexFormat.CycloneDx, 19, 19, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-12/vex.json", VexFormat.CycloneDx, 3, 2, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-13/vex.json", VexFormat.CycloneDx, 2, 1, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-2/vex.json", VexFormat.CycloneDx, 1, 0, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-3/vex.json", VexFormat.CycloneDx, 1, 0, 0, 0, 1)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-4/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-5/vex.json", VexFormat.CycloneDx, 2, 1, 1, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-6/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-7/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-8/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/Use-Cases/Case-9/vex.json", VexFormat.CycloneDx, 19, 19, 0, 0, 0)]
    [InlineData("cyclonedx-bom-examples/VEX/vex.json", VexFormat.CycloneDx, 1, 1, 0, 0, 0)]
    [InlineData("dependency-track-testdata/bom-vex/vex-issue2549.json", VexFormat.CycloneDx, 3, 3, 0, 0, 0)]
    [InlineData("openvex/go-vex-testdata/csaf/csaf.json", VexFormat.Csaf, 4, 2, 2, 0, 0)]
    [InlineData("openvex/go-vex-testdata/csaf/openvex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/go-vex-testdata/csaf/rhsa-2020_1358.json.gz", VexFormat.Csaf, 2, 0, 0, 2, 0)]
    [InlineData("openvex/go-vex-testdata/vex/csaf.json", VexFormat.Csaf, 1, 1, 0, 0, 0)]
    [InlineData("openvex/go-vex-testdata/vex/v0.0.1-noversion.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/go-vex-testdata/vex/v0.0.1.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/go-vex-testdata/vex/v0.2.0.json", VexFormat.OpenVex, 5, 2, 0, 3, 0)]
    [InlineData("openvex/go-vex-testdata/vex/v001-1.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/go-vex-testdata/vex/v001-2.vex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/go-vex-testdata/vex/v020-1.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/go-vex-testdata/vex/v020-2.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/vexctl-examples/csaf/csaf.json", VexFormat.Csaf, 1, 1, 0, 0, 0)]
    [InlineData("openvex/vexctl-examples/csaf/openvex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/vexctl-examples/openvex/demo.vex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/vexctl-examples/openvex/document1.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/vexctl-examples/openvex/document2.vex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/vexctl-examples/sarif/sample-1statement.openvex.json", VexFormat.OpenVex, 1, 1, 0, 0, 0)]
    [InlineData("openvex/vexctl-examples/sarif/sample-2vulns.openvex.json", VexFormat.OpenVex, 2, 1, 0, 1, 0)]
    [InlineData("openvex/vexctl-examples/sarif/sample-history.openvex.json", VexFormat.OpenVex, 2, 2, 0, 0, 0)]
    [InlineData("openvex/vexctl-testdata/images.vex.json", VexFormat.OpenVex, 4, 0, 0, 0, 4)]
    [InlineData("openvex/vexctl-testdata/sarif/sample-2vulns.json", VexFormat.OpenVex, 2, 1, 0, 1, 0)]
    [InlineData("openvex/vexctl-testdata/sarif/sample-history.json", VexFormat.OpenVex, 2, 2, 0, 0, 0)]
    [InlineData("openvex/vexctl-testdata/sarif/sample.openvex.json", VexFormat.OpenVex, 1, 1, 0, 0, 0)]
    [InlineData("openvex/vexctl-testdata/templates/oci-vexctl.openvex.json", VexFormat.OpenVex, 1, 1, 0, 0, 0)]
    [InlineData("openvex/vexctl-testdata/test.vex.json", VexFormat.OpenVex, 2, 1, 1, 0, 0)]
    [InlineData("openvex/vexctl-testdata/v001-1.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/vexctl-testdata/v001-2.vex.json", VexFormat.OpenVex, 1, 0, 0, 1, 0)]
    [InlineData("openvex/vexctl-testdata/v020-1.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    [InlineData("openvex/vexctl-testdata/v020-2.vex.json", VexFormat.OpenVex, 1, 0, 0, 0, 1)]
    public void Documents_read_with_their_statement_counts_by_status(string file, VexFormat format, int statements, int notAffected, int affected, int fixedCount, int underInvestigation)
    {
        var document = Read(file);

        Assert.Equal(format, document.Format);
        Assert.Equal(statements, document.Statements.Count);
        Assert.Equal(notAffected, document.Statements.Count(s => s.Status == VexStatus.NotAffected));
        Assert.Equal(affected, document.Statements.Count(s => s.Status == VexStatus.Affected));
        Assert.Equal(fixedCount, document.Statements.Count(s => s.Status == VexStatus.Fixed));
        Assert.Equal(underInvestigation, document.Statements.Count(s => s.Status == VexStatus.UnderInvestigation));
        Assert.All(document.Statements, statement => Assert.False(string.IsNullOrEmpty(statement.VulnerabilityId)));
    }

    [Fact]
    public void OpenVex_0_0_1_products_are_purl_strings_and_the_timestamp_is_the_documents()
    {
        var document = Read("openvex/go-vex-testdata/vex/v0.0.1.json");

        var statement = Assert.Single(document.Statements);
        Assert.Equal("CVE-2023-12345", statement.VulnerabilityId);
        Assert.Equal(VexStatus.Fixed, statement.Status);
        Assert.Equal(["pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"], statement.Products.Select(p => p.Purl));
        Assert.Equal(new DateTimeOffset(2023, 1, 8, 18, 2, 3, TimeSpan.FromHours(-6)).AddTicks(6477879), statement.Timestamp);
        Assert.Equal("https://openvex.dev/docs/example/vex-9fb3463de1b57", document.Id);
    }

    [Fact]
    public void OpenVex_0_2_0_products_carry_their_subcomponents()
    {
        var statement = Read("openvex/go-vex-testdata/vex/v0.2.0.json").Statements[0];

        Assert.Equal("CVE-2023-1255", statement.VulnerabilityId);
        Assert.Equal(VexStatus.Fixed, statement.Status);
        var product = Assert.Single(statement.Products);
        Assert.Equal("pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126", product.Purl);
        Assert.Equal(["pkg:apk/alpine/libssl3@3.0.8-r3", "pkg:apk/alpine/libcrypto3@3.0.8-r3"], product.Subcomponents.Select(s => s.Purl));
    }

    [Fact]
    public void CycloneDx_analysis_maps_to_statements_with_justification_responses_and_detail()
    {
        var statement = Read("cyclonedx-bom-examples/VEX/Use-Cases/Case-13/vex.json").Statements[0];

        Assert.Equal("CVE-2020-25649", statement.VulnerabilityId);
        Assert.Equal(VexStatus.NotAffected, statement.Status);
        Assert.Equal("code_not_reachable", statement.Justification);
        Assert.Equal("will_not_fix, update", statement.ActionStatement);
        Assert.StartsWith("Automated dataflow analysis", statement.ImpactStatement, StringComparison.Ordinal);
        Assert.Equal(["urn:cdx:2c385cf7-e1ee-46e9-a51c-13de1ecb380a/1#acme-product-1", "urn:cdx:6ffac0b2-5246-4fb9-a6fe-7993041856a0/1#acme-product-2"], statement.Products.Select(p => p.Id));
    }

    [Fact]
    public void CycloneDx_statements_limited_to_versions_keep_the_ranges_as_data()
    {
        var statement = Assert.Single(Read("cyclonedx-bom-examples/VEX/Use-Cases/Case-8/vex.json").Statements);

        Assert.Equal(VexStatus.NotAffected, statement.Status);
        var product = Assert.Single(statement.Products);
        Assert.Equal("acme-product", product.Id);
        Assert.Equal(
            [
                new VexProductVersion(null, "vers:semver/>=2.0.0|<=2.7.0", "unaffected"),
                new VexProductVersion(null, "vers:semver/>=3.0.0|<=3.2.0", "unaffected"),
                new VexProductVersion(null, "vers:semver/>=3.8.0|<=4.1.0", "unaffected"),
                new VexProductVersion("5.9.0", null, "unaffected"),
            ],
            product.Versions);
    }

    [Fact]
    public void CycloneDx_false_positive_is_not_affected()
    {
        var statements = Read("dependency-track-testdata/bom-vex/vex-issue2549.json").Statements;

        Assert.Equal(3, statements.Count);
        Assert.All(statements, statement => Assert.Equal(VexStatus.NotAffected, statement.Status));
    }

    [Fact]
    public void Csaf_product_ids_resolve_through_relationships_to_the_platform_and_its_component()
    {
        var document = Read("csaf-redhat/CVE-2023-20862.json");

        Assert.Equal("CVE-2023-20862", document.Id);
        var notAffected = Assert.Single(document.Statements, s => s.Status == VexStatus.NotAffected);
        Assert.Equal("vulnerable_code_not_present", notAffected.Justification);
        Assert.Equal(["2227788"], notAffected.Aliases);
        Assert.Equal(9, notAffected.Products.Count);
        var amq = notAffected.Products[0];
        Assert.Equal("a-mq_clients_2:spring-security", amq.Id);
        Assert.Equal("cpe:/a:redhat:a_mq_clients:2", amq.Cpe);
        Assert.Equal("spring-security", Assert.Single(amq.Subcomponents).Id);

        // 13 known_affected products in three remediation groups: out of support scope, will not fix, affected.
        var affected = document.Statements.Where(s => s.Status == VexStatus.Affected).ToList();
        Assert.Equal(13, affected.Sum(s => s.Products.Count));
        Assert.Equal(["Affected", "Out of support scope", "Will not fix"], affected.Select(s => s.ActionStatement).Order(StringComparer.Ordinal));
        Assert.All(affected, s => Assert.Equal("Moderate", s.ImpactStatement));
    }

    [Fact]
    public void Csaf_branches_give_products_their_purls_and_cpes()
    {
        var document = Read("csaf-redhat/rhsa-2024-2705.json.gz");

        var fixedStatement = Assert.Single(document.Statements, s => s.VulnerabilityId == "CVE-2024-2700" && s.Status == VexStatus.Fixed);
        var product = Assert.Single(fixedStatement.Products);
        Assert.Equal("Red Hat build of Quarkus 3.2.12.Final:io.quarkus.quarkus-core-3.2.12.Final-redhat-00001", product.Id);
        Assert.Equal("cpe:/a:redhat:quarkus:3.2::el8", product.Cpe);
        Assert.Equal("pkg:maven/io.quarkus/quarkus-core@3.2.12.Final-redhat-00001?repository_url=https://maven.repository.redhat.com/ga/&type=jar", Assert.Single(product.Subcomponents).Purl);

        var notAffected = Assert.Single(document.Statements, s => s.VulnerabilityId == "CVE-2024-2700" && s.Status == VexStatus.NotAffected);
        Assert.Equal(1051, notAffected.Products.Count);
        Assert.Equal("vulnerable_code_not_present", notAffected.Justification);
    }

    [Fact]
    public void The_format_is_told_by_content_not_by_name()
    {
        var bytes = File.ReadAllBytes(SharedData.Require("cyclonedx-bom-examples/VEX/vex.json"));
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        gzipped.Position = 0;

        Assert.Equal(VexFormat.CycloneDx, VexReader.Read(new MemoryStream(bytes)).Format);
        Assert.Equal(VexFormat.CycloneDx, VexReader.Read(gzipped).Format);
    }

    [Theory]
    [InlineData("openvex/vexctl-examples/csaf/sbom.spdx.json")]
    [InlineData("openvex/spec/openvex_json_schema.json")]
    [InlineData("openvex/vexctl-examples/sarif/nginx-grype.sarif.json.gz")]
    public void Documents_that_are_not_vex_are_refused_naming_the_formats(string file)
    {
        var exception = Assert.Throws<VexFormatException>(() => Read(file));

        Assert.Contains("not OpenVEX", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-1"},"products":[],"status":"maybe"}]}""", "statements[0] has status \"maybe\"")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"products":[],"status":"fixed"}]}""", "statements[0] names no vulnerability")]
    [InlineData("""{"bomFormat":"CycloneDX","vulnerabilities":[{"id":"CVE-1","analysis":{"state":"ignored"}}]}""", "vulnerabilities[0].analysis has state \"ignored\"")]
    [InlineData("""{"bomFormat":"CycloneDX",""", "not readable JSON")]
    [InlineData("""{"@context":"https://openvex.dev/ns/v0.2.0","statements":[{"vulnerability":{"name":"CVE-\ud800"},"products":[],"status":"fixed"}]}""", "not valid Unicode")]
    public void Broken_documents_are_refused_saying_where(string json, string message)
    {
        var exception = Assert.Throws<VexFormatException>(() => VexReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_bound_is_refused()
    {
        var json = "{\"document\":{\"csaf_version\":\"2.0\"},\"x\":" + new string('[', 1000) + new string(']', 1000) + "}";

        var exception = Assert.Throws<VexFormatException>(() => VexReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains("depth", exception.Message, StringComparison.Ordinal);
    }
}
