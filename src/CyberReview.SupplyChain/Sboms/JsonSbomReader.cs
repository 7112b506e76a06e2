using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Reads a JSON SBOM from a stream, one top-level value (or one element of a top-level array) at a time, and
/// decides what the document is from its markers (<c>bomFormat</c>, <c>spdxVersion</c>, an SPDX 3 <c>@context</c>),
/// wherever in the document they are.
/// </summary>
internal sealed partial class JsonSbomReader(Stream stream, SbomReadOptions options)
{
    private readonly JsonStreamWalker _walker = new(stream, options.MaxDepth);
    private readonly SbomBuilder _builder = new(options);
    private readonly List<string> _faults = [];
    private readonly List<(string Property, bool Item, JsonElement Value, string Location)> _unchecked = [];
    private readonly HashSet<string> _bomRefs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _firstProperties = [];
    private readonly Spdx3Graph _spdx3 = new(new SbomBuilder(options));
    private CycloneDxSchemas? _schemas;
    private string? _bomFormat;
    private string? _specVersion;
    private string? _serialNumber;
    private string? _spdxVersion;
    private string _spdxId = "SPDXRef-DOCUMENT";
    private string? _name;
    private string? _documentNamespace;
    private string? _context;
    private DateTimeOffset? _created;
    private SbomComponent? _subject;
    private string? _looksLike;

    /// <summary>The reader's window over the input after reading (for tests of the memory bound).</summary>
    internal int WindowSize => _walker.WindowSize;

    public Sbom Read()
    {
        try
        {
            var first = _walker.Peek();
            if (first == JsonTokenType.StartArray)
                throw RootArray();
            if (first != JsonTokenType.StartObject)
                throw new SbomFormatException(SbomRefusal.NotAnSbom, $"The JSON document is a single {Describe(first)}, not an SBOM (an SBOM is a JSON object).");
            _walker.Next(out _);
            while (_walker.Next(out var name) == JsonTokenType.PropertyName)
            {
                if (_properties.Add(name!) && _firstProperties.Count < 12)
                    _firstProperties.Add(name!);
                if (_walker.Peek() == JsonTokenType.StartArray)
                {
                    _walker.Next(out _);
                    var index = 0;
                    while (_walker.ReadValue() is { } element)
                    {
                        using (element)
                            Take(name!, index, element.RootElement);
                        index++;
                    }
                }
                else
                {
                    using var value = _walker.ReadValue() ?? throw new SbomFormatException(SbomRefusal.Malformed, $"The JSON ends after the property name '{name}'.");
                    Take(name!, -1, value.RootElement);
                }
            }
            _walker.ExpectEnd();
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
        return Decide();
    }

    private void Take(string property, int index, JsonElement value)
    {
        var item = index >= 0;
        var location = item ? $"{property}[{index}]" : property;
        switch (property)
        {
            case "bomFormat":
                _bomFormat = Text(value);
                break;
            case "specVersion":
                _specVersion = Text(value);
                if (options.Schema != SbomSchemaCheck.Skip && _specVersion is not null && CycloneDxSchemas.For(_specVersion) is { } schemas)
                {
                    _schemas = schemas;
                    foreach (var (p, i, v, l) in _unchecked)
                        _schemas.Check(p, i, v, l, _faults);
                    StopWhenFaultsAreEnough();
                    _unchecked.Clear();
                }
                break;
            case "serialNumber":
                _serialNumber = Text(value);
                break;
            case "metadata":
                _subject = CycloneDxJson.Metadata(value, _builder, out _created);
                if (_subject?.Id is { } subjectId)
                    Unique(subjectId, "metadata.component");
                Unique(value, "metadata.component", nested: true);
                break;
            case "components" when item:
                var before = _builder.Components.Count;
                CycloneDxJson.Component(value, _builder, location);
                for (var i = before; i < _builder.Components.Count; i++)
                {
                    if (_builder.Components[i].Id is { } id)
                        Unique(id, location);
                }
                break;
            case "services" when item:
                Services(value);
                break;
            case "dependencies" when item:
                CycloneDxJson.Dependency(value, _builder);
                break;
            case "spdxVersion":
                _spdxVersion = Text(value);
                break;
            case "SPDXID":
                _spdxId = Text(value) ?? _spdxId;
                break;
            case "name":
                _name = Text(value);
                break;
            case "documentNamespace":
                _documentNamespace = Text(value);
                break;
            case "creationInfo":
                _created = SpdxJson.CreationInfo(value, _builder);
                break;
            case "documentDescribes" when item:
                if (Text(value) is { } described)
                    _builder.Roots.Add(_builder.Strings.Share(described)!);
                break;
            case "packages" when item:
                SpdxJson.Package(value, _builder, location);
                break;
            case "relationships" when item:
                SpdxJson.Relationship(value, _builder, location, _spdxId);
                break;
            case "@context":
                _context = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                break;
            case "@graph" when item:
                _spdx3.Take(value, location);
                break;
            default:
                _looksLike ??= LooksLike(property, value);
                break;
        }
        if (_schemas is not null)
        {
            _schemas.Check(property, item, value, location, _faults);
            StopWhenFaultsAreEnough();
        }
        else if (options.Schema != SbomSchemaCheck.Skip && _specVersion is null && _spdxVersion is null && _context is null && IsCycloneDxProperty(property))
            _unchecked.Add((property, item, value.Clone(), location));
    }

    private Sbom Decide()
    {
        if (_bomFormat is not null || (_specVersion is not null && _properties.Contains("components")))
            return CycloneDx();
        if (_spdxVersion is not null)
        {
            if (!_spdxVersion.StartsWith("SPDX-2.", StringComparison.Ordinal))
                throw new SbomFormatException(SbomRefusal.Unsupported, $"spdxVersion is '{_spdxVersion}'; SPDX 2.2 and 2.3 are read as JSON (and 3.0 as JSON-LD).");
            return _builder.Build(SbomFormat.Spdx, SbomSyntax.Json, _spdxVersion["SPDX-".Length..], _name, _documentNamespace, _created, null);
        }
        if (_context is not null && _context.Contains("spdx", StringComparison.OrdinalIgnoreCase))
            return _spdx3.Build(_context);
        throw new SbomFormatException(SbomRefusal.NotAnSbom,
            $"The JSON is not an SBOM: it has neither 'bomFormat' (CycloneDX) nor 'spdxVersion' (SPDX 2) nor an SPDX 3 '@context'. "
            + (_looksLike ?? $"Its top-level properties are: {string.Join(", ", _firstProperties)}."));
    }

    private Sbom CycloneDx()
    {
        if (_bomFormat != "CycloneDX")
            throw new SbomFormatException(SbomRefusal.Invalid, _bomFormat is null
                ? "bomFormat is missing; a CycloneDX document must say \"bomFormat\": \"CycloneDX\"."
                : $"bomFormat is '{_bomFormat}'; a CycloneDX document must say \"bomFormat\": \"CycloneDX\".");
        if (_specVersion is null)
            throw new SbomFormatException(SbomRefusal.Invalid, "specVersion is missing; a CycloneDX document must state its version.");
        if (!CycloneDxSchemas.Versions.Contains(_specVersion))
            throw new SbomFormatException(SbomRefusal.Unsupported, $"CycloneDX specVersion '{_specVersion}' is not read as JSON; 1.2 to 1.7 are.");
        if (_schemas is not null)
        {
            foreach (var required in _schemas.Required)
            {
                if (!_properties.Contains(required))
                    _faults.Add($"{required}: is required by CycloneDX {_specVersion} and missing.");
            }
        }
        if (_faults.Count > 0 && options.Schema == SbomSchemaCheck.Report)
            _builder.Diagnostics.AddRange(_faults.Select(f => new SbomDiagnostic("schema", f)));
        else if (_faults.Count > 0)
            throw SchemaRefusal();
        CheckReferences();
        return _builder.Build(SbomFormat.CycloneDx, SbomSyntax.Json, _specVersion, _subject?.Name, _serialNumber, _created, _subject);
    }

    /// <summary>
    /// Refusing, ten faults say enough and reading on would only cost time; reporting, a thousand are kept (a
    /// hostile document could otherwise make one per component).
    /// </summary>
    private void StopWhenFaultsAreEnough()
    {
        if (options.Schema == SbomSchemaCheck.Refuse && _faults.Count >= 10)
            throw SchemaRefusal(stopped: true);
        if (_faults.Count > 1000)
            _faults.RemoveRange(1000, _faults.Count - 1000);
    }

    private SbomFormatException SchemaRefusal(bool stopped = false) =>
        new(SbomRefusal.Invalid, $"The CycloneDX {_specVersion} document breaks its schema: {string.Join("; ", _faults.Take(10))}"
            + (stopped ? "; reading stopped there, there may be more" : _faults.Count > 10 ? $"; and {_faults.Count - 10} more" : ""));

    /// <summary>Edges whose ends are no component, service or subject are kept, and said.</summary>
    private void CheckReferences()
    {
        foreach (var edge in _builder.Edges)
        {
            if (!_bomRefs.Contains(edge.From))
                _builder.Diagnose("dependencies", $"The dependency entry '{edge.From}' refers to no component or service.");
            else if (!_bomRefs.Contains(edge.To))
                _builder.Diagnose("dependencies", $"'{edge.From}' depends on '{edge.To}', which is no component or service.");
        }
    }

    private void Unique(string id, string location)
    {
        if (!_bomRefs.Add(id))
            Duplicate(id, location);
    }

    private void Duplicate(string id, string location)
    {
        if (options.Schema == SbomSchemaCheck.Refuse)
            throw new SbomFormatException(SbomRefusal.Invalid, $"{location}: bom-ref '{id}' is used twice; a bom-ref must be unique within the document.");
        _builder.Diagnose(location, $"bom-ref '{id}' is used twice; the dependency graph may join the two.");
    }

    private void Unique(JsonElement metadata, string location, bool nested)
    {
        if (!nested || !metadata.TryGetProperty("component", out var subject) || !subject.TryGetProperty("components", out var children) || children.ValueKind != JsonValueKind.Array)
            return;
        foreach (var child in children.EnumerateArray())
        {
            if (CycloneDxJson.Text(child, "bom-ref") is { } id)
                Unique(id, location + ".components");
        }
    }

    private void Services(JsonElement service)
    {
        if (CycloneDxJson.Text(service, "bom-ref") is { } id)
            Unique(id, "services");
        if (service.ValueKind == JsonValueKind.Object && service.TryGetProperty("services", out var nested) && nested.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in nested.EnumerateArray())
                Services(child);
        }
    }

    private static bool IsCycloneDxProperty(string property) => property is "metadata" or "components" or "services" or "externalReferences"
        or "dependencies" or "compositions" or "vulnerabilities" or "annotations" or "formulation" or "declarations" or "definitions"
        or "citations" or "properties" or "signature" or "serialNumber" or "version" or "$schema" or "bomFormat";

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };
}
