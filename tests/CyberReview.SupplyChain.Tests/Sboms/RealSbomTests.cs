using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>
/// Real SBOMs from the shared data, read in place: counts stated in SOURCES.md are asserted as written; every
/// other document's count is checked against <see cref="IndependentCount"/>. The mislabelled and broken files of
/// bom-shelter are recognised for what they are.
/// </summary>
public sealed class RealSbomTests
{
    /// <summary>Counts SOURCES.md gives (components or packages, and edges where it gives relationships).</summary>
    public static TheoryData<string, SbomFormat, string, int, int?> Stated => new()
    {
        { "redhat-sboms/openshift-container-storage-4.8.z.json.gz", SbomFormat.Spdx, "2.2", 7994, 16093 },
        { "redhat-sboms/OCP-TOOLS-4.11-RHEL-8.json.gz", SbomFormat.Spdx, "2.3", 3274, null },
        { "redhat-sboms/nhc-0.4.z.json.gz", SbomFormat.Spdx, "2.3", 2304, null },
        { "redhat-sboms/SATELLITE-6.15-RHEL-8.json.gz", SbomFormat.Spdx, "2.3", 2084, null },
        { "redhat-sboms/ANSIBLE-AUTOMATION-PLATFORM-2.0-RHEL-8.json.gz", SbomFormat.Spdx, "2.3", 951, null },
        { "redhat-sboms/quarkus-bom-2.13.8.Final-redhat-00004.json.gz", SbomFormat.Spdx, "2.2", 880, null },
        { "redhat-sboms/quarkus-bom-3.2.11.Final-redhat-00001.json", SbomFormat.Spdx, "2.3", 1053, null },
        { "redhat-sboms/ubi9-9.2-755.1697625012.json", SbomFormat.Spdx, "2.2", 610, null },
        { "redhat-sboms/claircore-sbom.spdx.json", SbomFormat.Spdx, "2.3", 604, null },
        { "redhat-sboms/quarkus-camel-bom-sbom.json.gz", SbomFormat.CycloneDx, "1.6", 1761, null },
        { "redhat-sboms/quarkus-bom-sbom.json.gz", SbomFormat.CycloneDx, "1.6", 1392, null },
        { "redhat-sboms/example_upstream.json", SbomFormat.CycloneDx, "1.6", 687, null },
        { "cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json", SbomFormat.CycloneDx, "1.2", 903, null },
        { "cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.xml", SbomFormat.CycloneDx, "1.2", 903, null },
        { "cyclonedx-bom-examples/SBOM/juice-shop/v11.1.2/bom.json", SbomFormat.CycloneDx, "1.2", 840, null },
        { "cyclonedx-bom-examples/SBOM/juice-shop/via_npm/flat/bom.1.4.json", SbomFormat.CycloneDx, "1.4", 1115, null },
        { "bom-shelter/in-the-lab-subset/spdx-trivy-newrelic_synthetics-minion-runner-sha256_cbfa244c7d31.json.gz", SbomFormat.Spdx, "2.2", 3952, null },
        { "bom-shelter/in-the-lab-subset/spdx-bom-kasmweb_vlc-sha256_75fdfbcb8f3e.json.gz", SbomFormat.Spdx, "2.3", 2550, null },
        { "bom-shelter/in-the-lab-subset/spdx-syft-ibmcom_mcm-application-ui-sha256_00c201857dec.json.gz", SbomFormat.Spdx, "2.3", 1663, null },
    };

    /// <summary>Documents that break their schema in small ways: refused by default, read under <see cref="SbomSchemaCheck.Report"/>.</summary>
    public static TheoryData<string, string, int> OffSchema => new()
    {
        { "dependency-track-testdata/bom-vex/bom-issue2519.xml.gz", "bom-ref", 2184 },
        { "bom-shelter/in-the-wild/cyclonedx/obsidian-sailboat-sbom-cdx.json", "licenses[0]", -1 },
        { "cyclonedx-bom-examples/OBOM/Example-1-Standalone/bom.json", "iri-reference", -1 },
    };

    private static readonly string[] Folders = ["bom-shelter", "cyclonedx-bom-examples", "redhat-sboms", "dependency-track-testdata/bom-vex", "spdx-examples", "spdx-spec-examples"];

    /// <summary>Files that are no SBOM read here, with the reason and a word the refusal must contain.</summary>
    private static readonly Dictionary<string, (SbomRefusal Reason, string Says)> Refused = new()
    {
        ["bom-shelter/in-the-wild/cyclonedx/bashrc2-sbom-cdx.json"] = (SbomRefusal.NotAnSbom, "SCANOSS"),
        ["bom-shelter/in-the-wild/cyclonedx/scanoss-sbom-cdx.json"] = (SbomRefusal.NotAnSbom, "SCANOSS"),
        ["bom-shelter/in-the-wild/spdx/powershell-2.2.6.spdx.json"] = (SbomRefusal.Malformed, "concatenated"),
        ["spdx-spec-examples/v2.2/examples/SPDXRdfExample-v2.2.spdx.rdf.xml"] = (SbomRefusal.Unsupported, "SPDX"),
        ["spdx-spec-examples/v2.3/examples/SPDXRdfExample-v2.3.spdx.rdf.xml"] = (SbomRefusal.Unsupported, "SPDX"),
        ["spdx-spec-examples/v2.2/examples/SPDXXMLExample-v2.2.spdx.xml"] = (SbomRefusal.Unsupported, "SPDX"),
        ["spdx-spec-examples/v2.3/examples/SPDXXMLExample-v2.3.spdx.xml"] = (SbomRefusal.Unsupported, "SPDX"),
        ["spdx-spec-examples/v2.2/examples/SPDXYAMLExample-2.2.spdx.yaml"] = (SbomRefusal.Unsupported, "YAML"),
        ["spdx-spec-examples/v2.3/examples/SPDXYAMLExample-2.3.spdx.yaml"] = (SbomRefusal.Unsupported, "YAML"),
        ["spdx-spec-examples/v2.2/schemas/spdx-schema.json"] = (SbomRefusal.NotAnSbom, "JSON schema"),
        ["spdx-spec-examples/v2.3/schemas/spdx-schema.json"] = (SbomRefusal.NotAnSbom, "JSON schema"),
    };

    [Theory]
    [MemberData(nameof(Stated))]
    public void Stated_counts(string file, SbomFormat format, string version, int components, int? edges)
    {
        var sbom = SbomReader.ReadFile(SharedData.Require(file));
        Assert.Equal(format, sbom.Format);
        Assert.Equal(version, sbom.SpecVersion);
        Assert.Equal(components, sbom.Components.Count);
        if (edges is { } expected)
            Assert.Equal(expected, sbom.Edges.Count);
    }

    /// <summary>Every document of the real-SBOM folders either reads with the independent count, or is refused as listed.</summary>
    public static IEnumerable<TheoryDataRow<string>> Documents()
    {
        foreach (var folder in Folders)
        {
            if (SharedData.Find(folder) is not { } root)
                continue;
            foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".sha256", StringComparison.Ordinal)
                    || name.EndsWith(".spdx", StringComparison.Ordinal) || name is "LICENSE" or "NOTICE" || name.StartsWith('.') || name.EndsWith(".png", StringComparison.Ordinal))
                    continue;
                yield return new TheoryDataRow<string>(Path.GetRelativePath(SharedData.Root!, path).Replace('\\', '/'));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reads_with_the_independent_count_or_is_refused_as_listed(string file)
    {
        var path = SharedData.Require(file);
        if (Refused.TryGetValue(file, out var refusal))
        {
            var e = Assert.Throws<SbomFormatException>(() => SbomReader.ReadFile(path));
            Assert.Equal(refusal.Reason, e.Reason);
            Assert.Contains(refusal.Says, e.Message, StringComparison.Ordinal);
            return;
        }
        var offSchema = OffSchema.Any(row => row.Data.Item1 == file);
        var sbom = SbomReader.ReadFile(path, offSchema ? new SbomReadOptions { Schema = SbomSchemaCheck.Report } : null);
        if (sbom.Syntax == SbomSyntax.TagValue)
            return; // no independent tag-value reader here; see Mislabelled_tag_value_reads_like_its_json_twin.
        Assert.Equal(IndependentCount.Components(path), sbom.Components.Count);
    }

    [Theory]
    [MemberData(nameof(OffSchema))]
    public void Off_schema_document_is_refused_by_default_and_read_when_faults_are_reported(string file, string fault, int components)
    {
        var path = SharedData.Require(file);
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.ReadFile(path));
        Assert.Equal(SbomRefusal.Invalid, refusal.Reason);
        Assert.Contains(fault, refusal.Message, StringComparison.Ordinal);
        var sbom = SbomReader.ReadFile(path, new SbomReadOptions { Schema = SbomSchemaCheck.Report });
        Assert.Contains(sbom.Diagnostics, d => d.ToString().Contains(fault, StringComparison.Ordinal));
        if (components >= 0)
            Assert.Equal(components, sbom.Components.Count);
    }

    /// <summary>
    /// SOURCES.md's 2,185 components are the 2,184 of the component list and the subject (metadata.component); its
    /// 6,304 dependency entries are the outer &lt;dependency&gt; elements plus the nested ones, each nested one an edge.
    /// </summary>
    [Fact]
    public void Dependency_track_2519_has_its_stated_components_and_dependency_entries()
    {
        var path = SharedData.Require("dependency-track-testdata/bom-vex/bom-issue2519.xml.gz");
        var sbom = SbomReader.ReadFile(path, new SbomReadOptions { Schema = SbomSchemaCheck.Report });
        Assert.Equal(SbomSyntax.Xml, sbom.Syntax);
        Assert.Equal("1.5", sbom.SpecVersion);
        Assert.NotNull(sbom.Subject);
        Assert.Equal(2185, sbom.Components.Count + 1);
        using var file = File.OpenRead(path);
        using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress);
        var document = System.Xml.Linq.XDocument.Load(gzip);
        var ns = document.Root!.Name.Namespace;
        var entries = document.Root.Element(ns + "dependencies")!.Descendants(ns + "dependency").ToList();
        Assert.Equal(6304, entries.Count);
        Assert.Equal(entries.Count(e => e.Parent!.Name == ns + "dependency"), sbom.Edges.Count(e => e.Kind == SbomEdgeKind.DependsOn));
    }

    [Fact]
    public void Mislabelled_tag_value_reads_like_its_json_twin()
    {
        var tagValue = SbomReader.ReadFile(SharedData.Require("bom-shelter/in-the-wild/spdx/grype-sbom-modified.spdx.json"));
        var json = SbomReader.ReadFile(SharedData.Require("bom-shelter/in-the-wild/spdx/grype-sbom.spdx.json"));
        Assert.Equal(SbomSyntax.TagValue, tagValue.Syntax);
        Assert.Equal(SbomSyntax.Json, json.Syntax);
        Assert.Equal(json.Components.Count, tagValue.Components.Count);
        Assert.Equal(json.Components.Select(c => c.Purl?.ToString()).Order(), tagValue.Components.Select(c => c.Purl?.ToString()).Order());
    }

    [Fact]
    public void Spdx_json_filed_under_cyclonedx_is_read_as_spdx()
    {
        var sbom = SbomReader.ReadFile(SharedData.Require("bom-shelter/in-the-wild/cyclonedx/jx-darwin-arm64.tar.gz.sbom"));
        Assert.Equal(SbomFormat.Spdx, sbom.Format);
        Assert.Equal("2.2", sbom.SpecVersion);
        Assert.Equal(84, sbom.Components.Count);
    }

    [Fact]
    public void Concatenated_json_is_refused_at_the_second_document()
    {
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.ReadFile(SharedData.Require("bom-shelter/in-the-wild/spdx/powershell-2.2.6.spdx.json")));
        Assert.Equal(2765, refusal.Line);
    }

    [Fact]
    public void Red_hat_largest_spdx_keeps_purls_suppliers_and_graph()
    {
        var sbom = SbomReader.ReadFile(SharedData.Require("redhat-sboms/openshift-container-storage-4.8.z.json.gz"));
        var byType = sbom.ComponentsByPurlType();
        Assert.Equal(4150, byType["golang"]);
        Assert.Equal(1435, byType["rpm"]);
        Assert.Equal(sbom.Components.Count, byType.Values.Sum());
        Assert.Equal(3, sbom.ComponentsWithoutSupplier().Count);
        Assert.Equal("Red Hat", sbom.Components.First(c => c.Supplier is not null).Supplier);
        Assert.Equal(2, sbom.DependencyDepth());
        Assert.NotEmpty(sbom.Roots);
    }
}
