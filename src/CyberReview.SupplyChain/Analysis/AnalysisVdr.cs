using System.Text.Json;
using CyberReview.SupplyChain.Cvss;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Writes a report as a CycloneDX 1.6 vulnerability disclosure report (JSON): the affected components, and one
/// vulnerability per component × advisory — so that each carries its own VEX analysis — with ratings, the affected
/// component's ref, the fixed versions as a recommendation, and the analysis from VEX.
/// </summary>
/// <remarks>
/// VEX statuses map to CycloneDX analysis states: not_affected → <c>not_affected</c>, fixed → <c>resolved</c>,
/// affected → <c>exploitable</c>, under_investigation → <c>in_triage</c>. OpenVEX justifications map to the nearest
/// CycloneDX one (vulnerable_code_not_present → code_not_present, vulnerable_code_not_in_execute_path →
/// code_not_reachable, component_not_present → requires_dependency, vulnerable_code_cannot_be_controlled_by_adversary →
/// requires_environment, inline_mitigations_already_exist → protected_by_mitigating_control); a justification with no
/// counterpart goes into the detail.
/// </remarks>
public static class AnalysisVdr
{
    private static readonly HashSet<string> CycloneDxJustifications = new(StringComparer.Ordinal)
    {
        "code_not_present", "code_not_reachable", "requires_configuration", "requires_dependency", "requires_environment",
        "protected_by_compiler", "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control",
    };

    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> (UTF-8, indented; the stream is left open).</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write.</param>
    /// <param name="serialNumber">The VDR's serial number (<c>urn:uuid:…</c>).</param>
    /// <param name="timestamp">When the analysis was made.</param>
    public static void Write(SbomAnalysisReport report, Stream stream, Guid serialNumber, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var components = report.Findings.Select(f => f.Component).Distinct().ToList();
        var refs = new Dictionary<Sboms.SbomComponent, string>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < components.Count; i++)
            refs[components[i]] = $"component-{i + 1}";

        json.WriteStartObject();
        json.WriteString("bomFormat", "CycloneDX");
        json.WriteString("specVersion", "1.6");
        json.WriteString("serialNumber", $"urn:uuid:{serialNumber}");
        json.WriteNumber("version", 1);
        json.WriteStartObject("metadata");
        json.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("tools");
        json.WriteStartArray("components");
        json.WriteStartObject();
        json.WriteString("type", "application");
        json.WriteString("name", "CyberReview");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        if (report.Sbom.Subject is { } subject)
        {
            json.WriteStartObject("component");
            json.WriteString("type", CycloneDxType(subject.Type) ?? "application");
            json.WriteString("name", subject.Name);
            if (subject.Version is { } version)
                json.WriteString("version", version);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        json.WriteStartArray("components");
        foreach (var component in components)
        {
            json.WriteStartObject();
            json.WriteString("bom-ref", refs[component]);
            json.WriteString("type", CycloneDxType(component.Type) ?? "library");
            if (component.Group is { } group)
                json.WriteString("group", group);
            json.WriteString("name", component.Name.Length > 0 ? component.Name : component.Purl?.Name ?? "unnamed");
            if (component.Version is { } version)
                json.WriteString("version", version);
            if (component.Purl is { } purl)
                json.WriteString("purl", purl.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("vulnerabilities");
        foreach (var finding in report.Findings)
        {
            var reference = refs[finding.Component];
            var advisory = finding.Advisory;
            json.WriteStartObject();
            json.WriteString("bom-ref", $"{advisory.Id}@{reference}");
            json.WriteString("id", advisory.Id);
            WriteSource(json, advisory.Id);
            if (advisory.Aliases.Count > 0)
            {
                json.WriteStartArray("references");
                foreach (var alias in advisory.Aliases)
                {
                    json.WriteStartObject();
                    json.WriteString("id", alias);
                    WriteSource(json, alias);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteStartArray("ratings");
            json.WriteStartObject();
            if (finding.Severity.Score is { } score)
                json.WriteNumber("score", score);
            json.WriteString("severity", ReportNames.Of(finding.Severity.Rating));
            json.WriteString("method", Method(finding.Severity));
            if (finding.Severity.Vector is { } vector)
                json.WriteString("vector", vector);
            json.WriteEndObject();
            json.WriteEndArray();
            if (advisory.Summary is { } summary)
                json.WriteString("description", summary);
            if (advisory.Details is { } details)
                json.WriteString("detail", details);
            if (finding.FixedVersions.Count > 0)
                json.WriteString("recommendation", $"Upgrade {finding.Component.Name} to {string.Join(" or ", finding.FixedVersions)} or later.");
            if (advisory.Published?.Value is { } published)
                json.WriteString("published", published.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            if (advisory.Modified.Value is { } modified && modified.Year > 1)
                json.WriteString("updated", modified.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            if (finding.Vex is { } vex)
                WriteAnalysis(json, vex);
            json.WriteStartArray("affects");
            json.WriteStartObject();
            json.WriteString("ref", reference);
            if (finding.Component.Version is { } affectedVersion)
            {
                json.WriteStartArray("versions");
                json.WriteStartObject();
                json.WriteString("version", affectedVersion);
                json.WriteString("status", finding.Vex is { Suppresses: true } ? "unaffected" : "affected");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAnalysis(Utf8JsonWriter json, VexVerdict vex)
    {
        json.WriteStartObject("analysis");
        json.WriteString("state", vex.Status switch
        {
            VexStatus.NotAffected => "not_affected",
            VexStatus.Fixed => "resolved",
            VexStatus.Affected => "exploitable",
            VexStatus.UnderInvestigation => "in_triage",
        });
        var justification = vex.Justification switch
        {
            null => null,
            "vulnerable_code_not_present" => "code_not_present",
            "vulnerable_code_not_in_execute_path" => "code_not_reachable",
            "component_not_present" => "requires_dependency",
            "vulnerable_code_cannot_be_controlled_by_adversary" => "requires_environment",
            "inline_mitigations_already_exist" => "protected_by_mitigating_control",
            var other when CycloneDxJustifications.Contains(other) => other,
            _ => null,
        };
        if (justification is not null && vex.Status == VexStatus.NotAffected)
            json.WriteString("justification", justification);
        var detail = string.Join(" ", new[]
        {
            justification is null && vex.Justification is { } original ? $"Justification: {original}." : null,
            vex.ImpactStatement,
            vex.ActionStatement,
        }.Where(s => !string.IsNullOrEmpty(s)));
        if (detail.Length > 0)
            json.WriteString("detail", detail);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject("source");
        if (id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase))
        {
            json.WriteString("name", "NVD");
            json.WriteString("url", $"https://nvd.nist.gov/vuln/detail/{Uri.EscapeDataString(id)}");
        }
        else
        {
            json.WriteString("name", "OSV");
            json.WriteString("url", $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}");
        }
        json.WriteEndObject();
    }

    private static string Method(FindingSeverity severity) =>
        severity.Vector is { } vector && CvssVector.TryParse(vector, out var parsed)
            ? parsed.Version switch
            {
                CvssVersion.Cvss30 => "CVSSv3",
                CvssVersion.Cvss31 => "CVSSv31",
                CvssVersion.Cvss40 => "CVSSv4",
            }
            : "other";

    // The CycloneDX 1.6 component types; an SPDX purpose outside them is written as library.
    private static string? CycloneDxType(string? type) => type switch
    {
        "application" or "framework" or "library" or "container" or "platform" or "operating-system" or "device"
            or "device-driver" or "firmware" or "file" or "machine-learning-model" or "data" or "cryptographic-asset" => type,
        _ => null,
    };
}
