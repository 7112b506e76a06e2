using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>Turns SPDX 2.2/2.3 JSON values (a package, a relationship, the creation info) into the model.</summary>
internal static class SpdxJson
{
    public static void Package(JsonElement element, SbomBuilder builder, string location)
    {
        var strings = builder.Strings;
        var id = CycloneDxJson.Text(element, "SPDXID");
        var name = CycloneDxJson.Text(element, "name");
        if (id is null)
            builder.Diagnose(location, "The package has no SPDXID; it cannot take part in relationships.");
        if (name is null)
            builder.Diagnose(location, "The package has no name.");
        var cpes = new List<string>();
        Purls.PackageUrl? purl = null;
        if (element.TryGetProperty("externalRefs", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var reference in references.EnumerateArray())
            {
                var type = CycloneDxJson.Text(reference, "referenceType");
                var locator = CycloneDxJson.Text(reference, "referenceLocator");
                if (locator is null)
                    continue;
                if (type == "purl")
                    purl ??= builder.Purl(locator, $"{location}.externalRefs[{i}].referenceLocator");
                else if (type is "cpe23Type" or "cpe22Type")
                    cpes.Add(locator);
                i++;
            }
        }
        var licences = new List<SbomLicence>(2);
        AddLicence(licences, CycloneDxJson.Text(element, "licenseDeclared"), concluded: false, strings);
        AddLicence(licences, CycloneDxJson.Text(element, "licenseConcluded"), concluded: true, strings);
        var hashes = new List<SbomHash>();
        if (element.TryGetProperty("checksums", out var checksums) && checksums.ValueKind == JsonValueKind.Array)
        {
            foreach (var checksum in checksums.EnumerateArray())
            {
                if (CycloneDxJson.Text(checksum, "algorithm") is { } algorithm && CycloneDxJson.Text(checksum, "checksumValue") is { } value)
                    hashes.Add(new SbomHash(strings.Share(algorithm)!, value));
            }
        }
        builder.Add(new SbomComponent
        {
            Id = strings.Share(id),
            Name = name ?? "",
            Version = CycloneDxJson.Text(element, "versionInfo"),
            Purl = purl,
            Cpes = cpes.Count == 0 ? [] : [.. cpes],
            Supplier = strings.Share(Party(CycloneDxJson.Text(element, "supplier"))),
            Licences = licences.Count == 0 ? [] : [.. licences],
            Hashes = hashes.Count == 0 ? [] : [.. hashes],
            Type = strings.Share(CycloneDxJson.Text(element, "primaryPackagePurpose")?.ToLowerInvariant().Replace('_', '-')),
        });
    }

    public static void Relationship(JsonElement element, SbomBuilder builder, string location, string documentId)
    {
        var from = CycloneDxJson.Text(element, "spdxElementId");
        var type = CycloneDxJson.Text(element, "relationshipType");
        var to = CycloneDxJson.Text(element, "relatedSpdxElement");
        if (from is null || type is null || to is null)
        {
            builder.Diagnose(location, "The relationship lacks spdxElementId, relationshipType or relatedSpdxElement.");
            return;
        }
        SpdxRelationships.Add(builder, from, type, to, documentId);
    }

    public static DateTimeOffset? CreationInfo(JsonElement element, SbomBuilder builder)
    {
        if (element.TryGetProperty("creators", out var creators) && creators.ValueKind == JsonValueKind.Array)
        {
            foreach (var creator in creators.EnumerateArray())
            {
                if (creator.ValueKind == JsonValueKind.String && creator.GetString() is { } text && text.StartsWith("Tool:", StringComparison.Ordinal))
                    builder.Tools.Add(text["Tool:".Length..].Trim());
            }
        }
        return SbomBuilder.Timestamp(CycloneDxJson.Text(element, "created"));
    }

    /// <summary>"Organization: Red Hat" → "Red Hat"; NOASSERTION and NONE → null.</summary>
    public static string? Party(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text is "NOASSERTION" or "NONE")
            return null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text.AsSpan(0, colon) is "Organization" or "Person" or "Tool")
            text = text[(colon + 1)..].Trim();
        return text.Length == 0 ? null : text;
    }

    public static void AddLicence(List<SbomLicence> licences, string? text, bool concluded, StringPool strings)
    {
        if (string.IsNullOrWhiteSpace(text) || text is "NOASSERTION" or "NONE")
            return;
        var simple = text.AsSpan().IndexOfAny(' ', '(') < 0;
        licences.Add(new SbomLicence(strings.Share(text)!, simple ? SbomLicenceKind.Id : SbomLicenceKind.Expression, concluded));
    }
}
