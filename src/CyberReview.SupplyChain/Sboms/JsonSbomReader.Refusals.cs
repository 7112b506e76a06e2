using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

internal sealed partial class JsonSbomReader
{
    private SbomFormatException RootArray()
    {
        _walker.Next(out _);
        using var first = _walker.ReadValue();
        if (first is not null && first.RootElement.ValueKind == JsonValueKind.Object
            && first.RootElement.TryGetProperty("purl", out _)
            && (first.RootElement.TryGetProperty("component", out _) || first.RootElement.TryGetProperty("vendor", out _)))
        {
            return new SbomFormatException(SbomRefusal.NotAnSbom,
                "The JSON is a list of {vendor, component, purl} entries: it looks like a SCANOSS SBOM identification file, not CycloneDX or SPDX.");
        }
        return new SbomFormatException(SbomRefusal.NotAnSbom, "The JSON document is an array, not an SBOM (a CycloneDX or SPDX document is a JSON object).");
    }

    /// <summary>What a JSON document that is no SBOM seems to be, from one of its top-level values; null when unknown.</summary>
    private static string? LooksLike(string property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is "file" or "snippet" or "none"
            && (value.TryGetProperty("matched", out _) || value.TryGetProperty("oss_lines", out _) || value.TryGetProperty("file_hash", out _)))
            return "It looks like SCANOSS scan results (file paths mapped to code matches), not a CycloneDX or SPDX SBOM.";
        return property switch
        {
            "licenseListVersion" => "It looks like the SPDX licence list, not an SBOM.",
            "affected" or "schema_version" => "It looks like an OSV advisory, not an SBOM.",
            "document" when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("csaf_version", out _) => "It looks like a CSAF document, not an SBOM.",
            "statements" => "It looks like an OpenVEX document, not an SBOM.",
            "runs" => "It looks like a SARIF log, not an SBOM.",
            "$schema" when value.ValueKind == JsonValueKind.String && value.GetString()!.Contains("json-schema.org", StringComparison.Ordinal) => "It looks like a JSON schema, not an SBOM.",
            _ => null,
        };
    }

    private SbomFormatException Malformed(JsonException e)
    {
        long? line = e.LineNumber + 1;
        long? position = e.BytePositionInLine + 1;
        var message = e.Message;
        if (message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) || message.Contains("maximum allowed depth", StringComparison.OrdinalIgnoreCase))
            return new SbomFormatException(SbomRefusal.TooLarge, $"The JSON nests deeper than {options.MaxDepth} levels, the limit.", line, position, e);
        if (message.Contains("after a single JSON value", StringComparison.Ordinal))
            return new SbomFormatException(SbomRefusal.Malformed, "Another JSON value follows the end of the document: a file of two concatenated JSON documents is not one SBOM.", line, position, e);
        if (message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
            || message.Contains("The input does not contain any JSON tokens", StringComparison.Ordinal))
            return new SbomFormatException(SbomRefusal.Malformed, "The JSON ends before the document does: the file is truncated.", line, position, e);
        var reason = message.Split(" LineNumber:", 2)[0].TrimEnd();
        return new SbomFormatException(SbomRefusal.Malformed, $"The JSON is not well-formed: {reason}", line, position, e);
    }
}
