using System.Globalization;
using System.Text.Json;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Writes a report as SARIF 2.1.0 for code-scanning tools: one rule per advisory, one result per component × advisory.
/// Levels: critical and high are <c>error</c>, medium and unrated <c>warning</c>, low and none <c>note</c>; a finding a
/// VEX statement settles carries an accepted external suppression with the statement's justification.
/// </summary>
public static class AnalysisSarif
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> (UTF-8, indented; the stream is left open).</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="sbomUri">The SBOM's location as results should name it (a relative path or URI).</param>
    /// <param name="toolVersion">The version of the tool.</param>
    public static void Write(SbomAnalysisReport report, Stream stream, string sbomUri, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var rules = report.Findings.Select(f => f.Advisory).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "CyberReview");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://osv.dev/");
        json.WriteStartArray("rules");
        foreach (var advisory in rules)
        {
            var severity = report.Findings.Where(f => f.Advisory.Id == advisory.Id).Max(f => f.Severity.Rating);
            var score = report.Findings.Where(f => f.Advisory.Id == advisory.Id).Max(f => f.Severity.Score);
            json.WriteStartObject();
            json.WriteString("id", advisory.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", advisory.Summary ?? advisory.Id);
            json.WriteEndObject();
            if (advisory.Details is { } details)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", details);
                json.WriteEndObject();
            }
            json.WriteString("helpUri", $"https://osv.dev/vulnerability/{Uri.EscapeDataString(advisory.Id)}");
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            if (score is { } value)
                json.WriteString("security-severity", value.ToString("0.0", CultureInfo.InvariantCulture));
            json.WriteStartArray("tags");
            json.WriteStringValue("security");
            json.WriteStringValue("vulnerability");
            json.WriteStringValue(ReportNames.Of(severity));
            json.WriteEndArray();
            json.WriteStartArray("aliases");
            foreach (var alias in advisory.Aliases)
                json.WriteStringValue(alias);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("artifacts");
        json.WriteStartObject();
        json.WriteStartObject("location");
        json.WriteString("uri", sbomUri);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            var component = SbomAnalysis.Key(finding.Component);
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Advisory.Id);
            json.WriteNumber("ruleIndex", ruleIndex[finding.Advisory.Id]);
            json.WriteString("level", Level(finding.Severity.Rating));
            json.WriteStartObject("message");
            var fix = finding.FixedVersions.Count > 0 ? $" Fixed in {string.Join(", ", finding.FixedVersions)}." : " No fixed version is known.";
            json.WriteString("text", $"{component} is affected by {finding.Advisory.Id}: {finding.Advisory.Summary ?? "no summary"}.{fix}");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", sbomUri);
            json.WriteNumber("index", 0);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", component);
            json.WriteString("kind", "module");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("componentAdvisory/v1", $"{component}|{finding.Advisory.Id}");
            json.WriteEndObject();
            if (finding.Vex is { } vex)
            {
                if (vex.Suppresses)
                {
                    json.WriteStartArray("suppressions");
                    json.WriteStartObject();
                    json.WriteString("kind", "external");
                    json.WriteString("status", "accepted");
                    json.WriteString("justification", $"VEX: {ReportNames.Of(vex.Status)}{(vex.Justification is { } why ? $" ({why})" : "")}{(vex.ImpactStatement is { } impact ? $": {impact}" : "")}");
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteStartObject("properties");
                json.WriteString("vexStatus", ReportNames.Of(vex.Status));
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The SARIF level of a rating.</summary>
    /// <param name="rating">The rating.</param>
    public static string Level(SeverityRating rating) => rating switch
    {
        SeverityRating.Critical or SeverityRating.High => "error",
        SeverityRating.Medium or SeverityRating.Unknown => "warning",
        SeverityRating.Low or SeverityRating.None => "note",
    };
}
