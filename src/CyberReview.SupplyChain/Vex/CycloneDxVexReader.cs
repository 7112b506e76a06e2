using System.Text.Json;
using static CyberReview.SupplyChain.Vex.VexJson;

namespace CyberReview.SupplyChain.Vex;

/// <summary>
/// The vulnerabilities of a CycloneDX BOM that carry an analysis state; those without one state nothing and are
/// left out. Affected references are resolved to the BOM's own components (by bom-ref, or a BOM-Link to this BOM).
/// </summary>
internal static class CycloneDxVexReader
{
    public static VexDocument Read(JsonElement root)
    {
        var serial = String(root, "serialNumber");
        var metadata = Object(root, "metadata");
        var documentTime = metadata is { } meta ? Time(meta, "timestamp") : null;

        var components = new Dictionary<string, VexProduct>(StringComparer.Ordinal);
        if (metadata is { } m && Object(m, "component") is { } subject)
            Collect(subject, components);
        foreach (var component in Array(root, "components"))
            Collect(component, components);

        var statements = new List<VexStatement>();
        var index = 0;
        foreach (var vulnerability in Array(root, "vulnerabilities"))
        {
            var where = $"vulnerabilities[{index++}]";
            if (Object(vulnerability, "analysis") is not { } analysis || String(analysis, "state") is not { } state)
                continue;
            var id = String(vulnerability, "id") ?? throw new VexFormatException($"CycloneDX {where} has an analysis but no id.");

            var responses = Strings(analysis, "response").ToArray();
            statements.Add(new VexStatement(
                id,
                [.. Array(vulnerability, "references").Select(reference => String(reference, "id")).OfType<string>().Where(alias => alias != id).Distinct()],
                [.. Array(vulnerability, "affects").Select(affects => Affected(affects, serial, components)).OfType<VexProduct>()],
                Status(state, where),
                String(analysis, "justification"),
                String(analysis, "detail"),
                responses.Length > 0 ? string.Join(", ", responses) : String(vulnerability, "recommendation"),
                Time(analysis, "lastUpdated") ?? Time(analysis, "firstIssued") ?? Time(vulnerability, "updated") ?? Time(vulnerability, "published") ?? documentTime));
        }
        return new VexDocument(VexFormat.CycloneDx, serial, documentTime, statements);
    }

    private static VexProduct? Affected(JsonElement affects, string? serial, Dictionary<string, VexProduct> components)
    {
        if (String(affects, "ref") is not { } reference)
            return null;
        var versions = Array(affects, "versions")
            .Select(version => new VexProductVersion(String(version, "version"), String(version, "range"), String(version, "status") ?? "affected"))
            .Where(version => version.Version is not null || version.Range is not null)
            .ToArray();
        return Resolve(reference, serial, components) with { Versions = versions };
    }

    private static void Collect(JsonElement component, Dictionary<string, VexProduct> components)
    {
        if (String(component, "bom-ref") is { } reference)
            components.TryAdd(reference, new VexProduct(reference, String(component, "purl"), String(component, "cpe"), []));
        foreach (var child in Array(component, "components"))
            Collect(child, components);
    }

    // A BOM-Link is urn:cdx:<serial without urn:uuid:>/<version>#<bom-ref>; one to this BOM resolves like a plain bom-ref.
    private static VexProduct Resolve(string reference, string? serial, Dictionary<string, VexProduct> components)
    {
        if (components.TryGetValue(reference, out var local))
            return local;
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (reference.StartsWith("urn:cdx:", StringComparison.Ordinal) && hash > 0 && serial is not null
            && reference.AsSpan("urn:cdx:".Length).StartsWith(serial.Replace("urn:uuid:", "", StringComparison.Ordinal), StringComparison.Ordinal)
            && components.TryGetValue(Uri.UnescapeDataString(reference[(hash + 1)..]), out var linked))
            return linked with { Id = reference };
        return VexProduct.Named(reference);
    }

    private static VexStatus Status(string state, string where) => state switch
    {
        "not_affected" or "false_positive" => VexStatus.NotAffected,
        "exploitable" => VexStatus.Affected,
        "resolved" or "resolved_with_pedigree" => VexStatus.Fixed,
        "in_triage" => VexStatus.UnderInvestigation,
        _ => throw new VexFormatException($"CycloneDX {where}.analysis has state \"{state}\"; expected resolved, resolved_with_pedigree, exploitable, in_triage, false_positive or not_affected."),
    };
}
