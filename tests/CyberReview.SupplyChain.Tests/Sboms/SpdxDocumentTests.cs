using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>SPDX 3.0 JSON-LD and SPDX 2 tag-value, checked on the SPDX project's own examples.</summary>
public sealed class SpdxDocumentTests
{
    private const string Maven = "http://spdx.org/documents/examplemaven-0.0.1-specv3/";

    [Fact]
    public void Spdx3_packages_resolve_their_supplier_and_licences_through_the_graph()
    {
        var sbom = SbomReader.ReadFile(SharedData.Require("spdx-examples/software/example8/spdx3.0/examplemaven-0.0.1.spdx3.json"));
        Assert.Equal((SbomFormat.Spdx, "3.0.1", "examplemaven"), (sbom.Format, sbom.SpecVersion, sbom.Name));
        Assert.Equal(6, sbom.Components.Count);
        Assert.Equal([Maven + "SPDXRef-gnrtd3"], sbom.Roots);
        var root = sbom.Components.Single(c => c.Id == Maven + "SPDXRef-gnrtd3");
        Assert.Equal(("examplemaven", "0.0.1", "SPDX", "library"), (root.Name, root.Version, root.Supplier, root.Type));
        Assert.Equal([new SbomLicence("Apache-2.0", SbomLicenceKind.Id), new SbomLicence("Apache-2.0", SbomLicenceKind.Id, Concluded: true)], root.Licences.OrderBy(l => l.Concluded));
        Assert.Contains(sbom.Edges, e => e.From == root.Id && e.Kind == SbomEdgeKind.Contains);
        Assert.DoesNotContain(sbom.Edges, e => e.Relationship is "hasDeclaredLicense" or "hasConcludedLicense");
        Assert.Contains("spdx-maven-plugin", sbom.Tools);
    }

    [Theory]
    [InlineData("v2.2", "SPDXTagExample-v2.2.spdx", "SPDXJSONExample-v2.2.spdx.json")]
    [InlineData("v2.3", "SPDXTagExample-v2.3.spdx", "SPDXJSONExample-v2.3.spdx.json")]
    public void Tag_value_reads_the_same_packages_as_the_json_twin(string version, string tagValue, string json)
    {
        var fromText = SbomReader.ReadFile(SharedData.Require($"spdx-spec-examples/{version}/examples/{tagValue}"));
        var fromJson = SbomReader.ReadFile(SharedData.Require($"spdx-spec-examples/{version}/examples/{json}"));
        Assert.Equal(SbomSyntax.TagValue, fromText.Syntax);
        Assert.Equal(fromJson.SpecVersion, fromText.SpecVersion);
        Assert.Equal(fromJson.SerialNumber, fromText.SerialNumber);
        // Licences compared by count only: the examples themselves disagree (the JSON declares glibc
        // "(LGPL-2.0-only AND LicenseRef-3)", the tag-value "(LGPL-2.0-only OR LicenseRef-3)").
        static string Key(SbomComponent c) => $"{c.Id}|{c.Name}|{c.Version}|{c.Purl}|{c.Supplier}|{string.Join(",", c.Cpes)}|{c.Licences.Count}|{string.Join(",", c.Hashes)}";
        Assert.Equal(fromJson.Components.Select(Key).Order(), fromText.Components.Select(Key).Order());
    }
}
