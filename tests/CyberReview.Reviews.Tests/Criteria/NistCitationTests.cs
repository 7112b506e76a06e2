using System.IO.Compression;
using System.Text.Json;
using CyberReview.Reviews.Criteria;

namespace CyberReview.Reviews.Tests.Criteria;

/// <summary>
/// Checks the builtin catalogue's NIST citations against the full SP 800-53 rev. 5 catalog published by NIST in
/// OSCAL (shared/data/oscal-nist-content, read in place). SP 800-161r1 cites the same control identifiers, so its
/// citations are checked against the same catalog.
/// </summary>
public sealed class NistCitationTests
{
    private const string CatalogFile = "oscal-nist-content/sp800-53-rev5-full-catalog-2021/NIST_SP-800-53_rev5_catalog.json.gz";

    private static readonly string[] NistControlStandards = ["NIST SP 800-53r5", "NIST SP 800-161r1"];

    [Fact]
    public void Every_cited_NIST_control_exists_in_the_OSCAL_catalog_and_is_not_withdrawn()
    {
        var controls = ReadControls(SharedData.Require(CatalogFile));
        Assert.InRange(controls.Count, 1000, 2000);

        var cited = CriteriaCatalogue.Builtin().References().Where(r => NistControlStandards.Contains(r.Standard)).ToList();
        Assert.NotEmpty(cited);
        foreach (var (standard, clause) in cited)
        {
            Assert.True(controls.TryGetValue(clause, out var withdrawn), $"{standard} {clause} is not in the SP 800-53 rev. 5 catalog");
            Assert.False(withdrawn, $"{standard} {clause} is withdrawn");
        }
    }

    [Fact]
    public void The_catalog_reader_knows_controls_enhancements_and_withdrawn_ones()
    {
        var controls = ReadControls(SharedData.Require(CatalogFile));

        Assert.False(controls["SR-4"]);
        Assert.False(controls["SR-4(1)"]);
        Assert.True(controls["SA-12"]); // Supply chain protection, withdrawn into the SR family in rev. 5.
        Assert.DoesNotContain("SR-99", controls.Keys);
    }

    // Control label (e.g. "SR-4(1)") → whether the control is withdrawn.
    private static Dictionary<string, bool> ReadControls(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        var controls = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var group in document.RootElement.GetProperty("catalog").GetProperty("groups").EnumerateArray())
            Collect(group, controls);
        return controls;
    }

    private static void Collect(JsonElement parent, Dictionary<string, bool> controls)
    {
        if (!parent.TryGetProperty("controls", out var children))
            return;
        foreach (var control in children.EnumerateArray())
        {
            var props = control.TryGetProperty("props", out var p) ? p.EnumerateArray().ToList() : [];
            var label = props.FirstOrDefault(prop => prop.GetProperty("name").GetString() == "label");
            var name = label.ValueKind == JsonValueKind.Object ? label.GetProperty("value").GetString()! : control.GetProperty("id").GetString()!.ToUpperInvariant();
            var withdrawn = props.Any(prop => prop.GetProperty("name").GetString() == "status" && prop.GetProperty("value").GetString() == "withdrawn");
            controls[name] = withdrawn;
            Collect(control, controls);
        }
    }
}
