using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Reads the <c>@graph</c> of an SPDX 3.0 JSON-LD document element by element: packages, relationships, the
/// agents and licence expressions they refer to. References are resolved when the graph has been read, since
/// JSON-LD allows any order.
/// </summary>
internal sealed class Spdx3Graph(SbomBuilder builder)
{
    private readonly List<(SbomComponent Component, string? SupplierRef)> _packages = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _expressions = new(StringComparer.Ordinal);
    private readonly List<(string From, string Type, string To)> _relationships = [];
    private readonly List<string> _toolRefs = [];
    private string? _specVersion;
    private string? _documentName;
    private string? _documentId;
    private DateTimeOffset? _created;

    public void Take(JsonElement element, string location)
    {
        var type = Text(element, "type") ?? Text(element, "@type");
        var id = Text(element, "spdxId") ?? Text(element, "@id");
        switch (type)
        {
            case "software_Package" or "Package":
                Package(element, id, location);
                break;
            case "Relationship" or "LifecycleScopedRelationship":
                if (Text(element, "from") is { } from && Text(element, "relationshipType") is { } relationship && element.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Array)
                {
                    foreach (var target in to.EnumerateArray())
                    {
                        if (target.ValueKind == JsonValueKind.String)
                            _relationships.Add((from, relationship, target.GetString()!));
                    }
                }
                break;
            case "SpdxDocument":
                _documentId = id;
                _documentName = Text(element, "name");
                if (element.TryGetProperty("rootElement", out var roots) && roots.ValueKind == JsonValueKind.Array)
                {
                    foreach (var root in roots.EnumerateArray())
                    {
                        if (root.ValueKind == JsonValueKind.String)
                            builder.Roots.Add(builder.Strings.Share(root.GetString())!);
                    }
                }
                break;
            case "CreationInfo":
                _specVersion ??= Text(element, "specVersion");
                _created ??= SbomBuilder.Timestamp(Text(element, "created"));
                if (element.TryGetProperty("createdUsing", out var tools) && tools.ValueKind == JsonValueKind.Array)
                    _toolRefs.AddRange(tools.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
                break;
            case "Organization" or "Person" or "Tool" or "Agent" or "SoftwareAgent":
                if (id is not null && Text(element, "name") is { } name)
                    _names[id] = name;
                break;
            case "simplelicensing_LicenseExpression":
                if (id is not null && Text(element, "simplelicensing_licenseExpression") is { } expression)
                    _expressions[id] = expression;
                break;
            case "expandedlicensing_ListedLicense" or "expandedlicensing_CustomLicense":
                if (id is not null)
                    _expressions[id] = Text(element, "name") ?? id[(id.LastIndexOf('/') + 1)..];
                break;
            default:
                break;
        }
    }

    public Sbom Build(string context)
    {
        var licences = new Dictionary<string, List<SbomLicence>>(StringComparer.Ordinal);
        foreach (var (from, type, to) in _relationships)
        {
            if (type is "hasDeclaredLicense" or "hasConcludedLicense")
            {
                if (_expressions.TryGetValue(to, out var expression))
                {
                    if (!licences.TryGetValue(from, out var list))
                        licences[from] = list = [];
                    SpdxJson.AddLicence(list, expression, type == "hasConcludedLicense", builder.Strings);
                }
                continue;
            }
            SpdxRelationships.Add(builder, from, type, to, _documentId ?? "");
        }
        foreach (var (component, supplierRef) in _packages)
        {
            builder.Add(new SbomComponent
            {
                Id = component.Id,
                Name = component.Name,
                Version = component.Version,
                Purl = component.Purl,
                Cpes = component.Cpes,
                Hashes = component.Hashes,
                Type = component.Type,
                Supplier = supplierRef is null ? null : builder.Strings.Share(_names.GetValueOrDefault(supplierRef, supplierRef)),
                Licences = component.Id is not null && licences.TryGetValue(component.Id, out var list) ? [.. list] : [],
            });
        }
        foreach (var tool in _toolRefs)
            builder.Tools.Add(_names.GetValueOrDefault(tool, tool));
        var version = _specVersion ?? (context.Contains("3.0", StringComparison.Ordinal) ? "3.0" : "3");
        return builder.Build(SbomFormat.Spdx, SbomSyntax.Json, version, _documentName, _documentId, _created, null);
    }

    private void Package(JsonElement element, string? id, string location)
    {
        var cpes = new List<string>();
        var purlText = Text(element, "software_packageUrl");
        if (element.TryGetProperty("externalIdentifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            foreach (var identifier in identifiers.EnumerateArray())
            {
                var kind = Text(identifier, "externalIdentifierType");
                var value = Text(identifier, "identifier");
                if (value is null)
                    continue;
                if (kind is "cpe23" or "cpe22")
                    cpes.Add(value);
                else if (kind == "packageUrl")
                    purlText ??= value;
            }
        }
        var hashes = new List<SbomHash>();
        if (element.TryGetProperty("verifiedUsing", out var verified) && verified.ValueKind == JsonValueKind.Array)
        {
            foreach (var hash in verified.EnumerateArray())
            {
                if (Text(hash, "type") == "Hash" && Text(hash, "algorithm") is { } algorithm && Text(hash, "hashValue") is { } value)
                    hashes.Add(new SbomHash(builder.Strings.Share(algorithm)!, value));
            }
        }
        var component = new SbomComponent
        {
            Id = builder.Strings.Share(id),
            Name = Text(element, "name") ?? "",
            Version = Text(element, "software_packageVersion"),
            Purl = builder.Purl(purlText, location + ".software_packageUrl"),
            Cpes = cpes.Count == 0 ? [] : [.. cpes],
            Hashes = hashes.Count == 0 ? [] : [.. hashes],
            Type = builder.Strings.Share(Text(element, "software_primaryPurpose")),
        };
        _packages.Add((component, Text(element, "suppliedBy")));
    }

    private static string? Text(JsonElement element, string name) => CycloneDxJson.Text(element, name);
}
