using System.Text.Json;
using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Writes a report as JSON with fixed property names (camelCase, <c>"schema": "cyberreview/sbom-analysis/1"</c>); a
/// new name may be added in a later version, an existing one is never renamed.
/// </summary>
public static class AnalysisJson
{
    /// <summary>The value of the <c>schema</c> property.</summary>
    public const string Schema = "cyberreview/sbom-analysis/1";

    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> (UTF-8, indented; the stream is left open).</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write.</param>
    public static void Write(SbomAnalysisReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var sbom = report.Sbom;
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteStartObject("sbom");
        json.WriteString("format", sbom.Format.ToString());
        json.WriteString("specVersion", sbom.SpecVersion);
        json.WriteString("name", sbom.Name);
        json.WriteString("serialNumber", sbom.SerialNumber);
        json.WriteNumber("components", sbom.Components.Count);
        json.WriteEndObject();
        json.WriteNumber("advisories", report.AdvisoryCount);

        json.WriteStartObject("summary");
        json.WriteNumber("findings", report.Findings.Count);
        json.WriteNumber("remaining", report.Remaining.Count());
        json.WriteNumber("unknownVersions", report.UnknownVersions.Count);
        json.WriteStartObject("remainingBySeverity");
        foreach (var rating in Enum.GetValues<SeverityRating>().Reverse())
            json.WriteNumber(ReportNames.Of(rating), report.Remaining.Count(f => f.Severity.Rating == rating));
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            WriteComponent(json, "component", finding.Component);
            json.WriteStartObject("advisory");
            json.WriteString("id", finding.Advisory.Id);
            WriteStrings(json, "aliases", finding.Advisory.Aliases);
            json.WriteString("summary", finding.Advisory.Summary);
            json.WriteEndObject();
            json.WriteStartObject("severity");
            json.WriteString("rating", ReportNames.Of(finding.Severity.Rating));
            if (finding.Severity.Score is { } score)
                json.WriteNumber("score", score);
            else
                json.WriteNull("score");
            json.WriteString("vector", finding.Severity.Vector);
            json.WriteString("source", finding.Severity.Source);
            json.WriteEndObject();
            WriteStrings(json, "fixedVersions", finding.FixedVersions);
            if (finding.Vex is { } vex)
            {
                json.WriteStartObject("vex");
                json.WriteString("status", ReportNames.Of(vex.Status));
                json.WriteString("justification", vex.Justification);
                json.WriteString("impact", vex.ImpactStatement);
                json.WriteString("action", vex.ActionStatement);
                json.WriteString("vulnerabilityId", vex.VulnerabilityId);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("vex");
            }
            json.WriteBoolean("remains", finding.Remains);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("unknownVersions");
        foreach (var unknown in report.UnknownVersions)
        {
            json.WriteStartObject();
            WriteComponent(json, "component", unknown.Component);
            WriteStrings(json, "advisories", unknown.AdvisoryIds);
            json.WriteString("reason", unknown.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        var facts = report.Facts;
        json.WriteStartObject("supplyChain");
        json.WriteNumber("components", facts.ComponentCount);
        json.WriteNumber("componentsWithoutPurl", facts.ComponentsWithoutPurl);
        json.WriteNumber("dependencyDepth", facts.DependencyDepth);
        json.WriteStartObject("componentsByEcosystem");
        foreach (var (type, count) in facts.ComponentsByEcosystem)
            json.WriteNumber(type, count);
        json.WriteEndObject();
        json.WriteNumber("supplierConcentration", Math.Round(facts.SupplierConcentration, 4));
        json.WriteStartArray("suppliers");
        foreach (var supplier in facts.Suppliers)
        {
            json.WriteStartObject();
            json.WriteString("name", supplier.Supplier);
            json.WriteNumber("components", supplier.Components);
            json.WriteNumber("share", Math.Round(supplier.Share, 4));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("componentsWithoutSupplier");
        foreach (var component in facts.ComponentsWithoutSupplier)
            WriteComponent(json, null, component);
        json.WriteEndArray();
        json.WriteStartArray("licenceConcerns");
        foreach (var concern in facts.LicenceConcerns)
        {
            json.WriteStartObject();
            WriteComponent(json, "component", concern.Component);
            json.WriteString("kind", ReportNames.Of(concern.Kind));
            WriteStrings(json, "licences", concern.Licences);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, string? name, SbomComponent component)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
        json.WriteString("purl", component.Purl?.ToString());
        json.WriteString("name", component.Name);
        json.WriteString("version", component.Version);
        json.WriteString("ref", component.Id);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
