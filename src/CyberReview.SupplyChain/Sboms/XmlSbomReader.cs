using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Reads a CycloneDX XML document with a streaming <see cref="XmlReader"/> that never processes a DTD nor resolves
/// anything external, validating against the XSD of the document's version as it goes. Each top-level part
/// (metadata, one component, one dependency) is held in memory only while it is turned into the model.
/// </summary>
internal sealed class XmlSbomReader(Stream stream, SbomReadOptions options)
{
    private readonly SbomBuilder _builder = new(options);
    private readonly List<string> _faults = [];
    private readonly HashSet<string> _bomRefs = new(StringComparer.Ordinal);
    private XNamespace _ns = XNamespace.None;

    public Sbom Read()
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
            CloseInput = false,
        };
        if (options.Schema != SbomSchemaCheck.Skip)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = CycloneDxXsd.Schemas;
            settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
            settings.ValidationEventHandler += (_, e) =>
            {
                if (e.Severity == XmlSeverityType.Error && _faults.Count < 20)
                    _faults.Add($"{e.Message} (line {e.Exception?.LineNumber}, position {e.Exception?.LinePosition})");
            };
        }
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            var version = Root(reader);
            var serial = reader.GetAttribute("serialNumber");
            SbomComponent? subject = null;
            DateTimeOffset? created = null;
            if (!reader.IsEmptyElement)
            {
                reader.Read();
                while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        reader.Read();
                        continue;
                    }
                    if (reader.NamespaceURI == _ns.NamespaceName && reader.LocalName is "components" or "dependencies")
                    {
                        var part = reader.LocalName;
                        if (reader.IsEmptyElement)
                        {
                            reader.Read();
                            continue;
                        }
                        reader.Read();
                        var index = 0;
                        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
                        {
                            if (reader.NodeType == XmlNodeType.Element)
                                Take(part, Element(reader), $"{part}[{index++}]");
                            else
                                reader.Read();
                        }
                        reader.Read();
                    }
                    else if (reader.NamespaceURI == _ns.NamespaceName && reader.LocalName == "metadata")
                    {
                        var metadata = Element(reader);
                        created = SbomBuilder.Timestamp(Child(metadata, "timestamp"));
                        Tools(metadata);
                        if (metadata.Element(_ns + "component") is { } component)
                        {
                            subject = Component(component, "metadata.component", add: false);
                            if (subject.Id is not null)
                            {
                                Unique(subject.Id, "metadata.component");
                                _builder.Roots.Add(subject.Id);
                            }
                        }
                    }
                    else
                    {
                        // Services, vulnerabilities, extensions…: validated, their bom-refs noted, not kept.
                        var other = Element(reader);
                        foreach (var service in other.DescendantsAndSelf(_ns + "service"))
                        {
                            if (service.Attribute("bom-ref")?.Value is { } id)
                                Unique(id, "services");
                        }
                    }
                }
            }
            while (reader.Read())
            {
                // Reads to the end so that anything after the root element is refused by the reader.
            }
            if (_faults.Count > 0 && options.Schema == SbomSchemaCheck.Report)
                _builder.Diagnostics.AddRange(_faults.Select(f => new SbomDiagnostic("schema", f)));
            else if (_faults.Count > 0)
                throw new SbomFormatException(SbomRefusal.Invalid, $"The CycloneDX {version} XML document breaks its schema: {string.Join("; ", _faults.Take(10))}");
            CheckReferences();
            return _builder.Build(SbomFormat.CycloneDx, SbomSyntax.Xml, version, subject?.Name, serial, created, subject);
        }
        catch (XmlException e)
        {
            throw Malformed(e);
        }
    }

    private string Root(XmlReader reader)
    {
        if (reader.NodeType != XmlNodeType.Element)
            throw new SbomFormatException(SbomRefusal.Malformed, "The XML has no root element.");
        var ns = reader.NamespaceURI;
        if (reader.LocalName == "bom" && CycloneDxXsd.VersionOf(ns) is { } version)
        {
            _ns = ns;
            return version;
        }
        if (reader.LocalName == "bom" && ns.StartsWith("http://cyclonedx.org/schema/bom", StringComparison.Ordinal))
            throw new SbomFormatException(SbomRefusal.Invalid, $"The root element bom is in the namespace '{ns}', which names no CycloneDX version (1.0 to 1.7 are http://cyclonedx.org/schema/bom/1.x).");
        if (reader.LocalName is "RDF" or "Document" or "SpdxDocument" || ns.Contains("spdx.org", StringComparison.OrdinalIgnoreCase))
            throw new SbomFormatException(SbomRefusal.Unsupported, "The XML is an SPDX document in RDF/XML or XML; SPDX is read as JSON (2.2, 2.3, 3.0) or tag-value.");
        throw new SbomFormatException(SbomRefusal.NotAnSbom, $"The XML's root element is {{{ns}}}{reader.LocalName}, not a CycloneDX bom.");
    }

    private XElement Element(XmlReader reader)
    {
        var element = (XElement)XNode.ReadFrom(reader);
        // XNode.ReadFrom builds without recursion; the depth is checked before anything recurses over it.
        var deepest = 0;
        var stack = new Stack<(XElement Element, int Depth)>();
        stack.Push((element, 2));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            if (deepest > options.MaxDepth)
                throw new SbomFormatException(SbomRefusal.TooLarge, $"The XML nests deeper than {options.MaxDepth} levels, the limit.", (current as IXmlLineInfo).LineNumber, (current as IXmlLineInfo).LinePosition);
            foreach (var child in current.Elements())
                stack.Push((child, depth + 1));
        }
        return element;
    }

    private void Take(string part, XElement element, string location)
    {
        if (part == "components" && element.Name == _ns + "component")
        {
            Component(element, location, add: true);
        }
        else if (part == "dependencies" && element.Name == _ns + "dependency")
        {
            Dependency(element);
        }
    }

    private SbomComponent Component(XElement element, string location, bool add)
    {
        var strings = _builder.Strings;
        var id = strings.Share(element.Attribute("bom-ref")?.Value);
        if (id is not null && add)
            Unique(id, location);
        var licences = new List<SbomLicence>();
        if (element.Element(_ns + "licenses") is { } licenceList)
        {
            foreach (var choice in licenceList.Elements())
            {
                var concluded = choice.Attribute("acknowledgement")?.Value == "concluded";
                if (choice.Name == _ns + "expression" && choice.Value.Trim() is { Length: > 0 } expression)
                    licences.Add(new SbomLicence(strings.Share(expression)!, SbomLicenceKind.Expression, concluded));
                else if (choice.Name == _ns + "license" && Child(choice, "id") is { Length: > 0 } licenceId)
                    licences.Add(new SbomLicence(strings.Share(licenceId)!, SbomLicenceKind.Id, concluded));
                else if (choice.Name == _ns + "license" && Child(choice, "name") is { Length: > 0 } name)
                    licences.Add(new SbomLicence(strings.Share(name)!, SbomLicenceKind.Name, concluded));
            }
        }
        var hashes = element.Element(_ns + "hashes")?.Elements(_ns + "hash")
            .Select(h => new SbomHash(strings.Share(h.Attribute("alg")?.Value ?? "")!, h.Value.Trim()))
            .ToArray() ?? [];
        var component = new SbomComponent
        {
            Id = id,
            Name = Child(element, "name") ?? "",
            Group = Child(element, "group"),
            Version = Child(element, "version"),
            Type = strings.Share(element.Attribute("type")?.Value),
            Purl = _builder.Purl(Child(element, "purl"), location + ".purl"),
            Cpes = Child(element, "cpe") is { Length: > 0 } cpe ? [cpe] : [],
            Supplier = strings.Share(
                element.Element(_ns + "supplier") is { } supplier && Child(supplier, "name") is { Length: > 0 } supplierName ? supplierName
                : element.Element(_ns + "manufacturer") is { } maker && Child(maker, "name") is { Length: > 0 } makerName ? makerName
                : Child(element, "publisher") is { Length: > 0 } publisher ? publisher : null),
            Licences = licences.Count == 0 ? [] : [.. licences],
            Hashes = hashes.Length == 0 ? [] : hashes,
        };
        if (add)
            _builder.Add(component);
        if (element.Element(_ns + "components") is { } nested)
        {
            var i = 0;
            foreach (var child in nested.Elements(_ns + "component"))
            {
                var inner = Component(child, $"{location}.components[{i++}]", add);
                if (add && id is not null && inner.Id is not null)
                    _builder.Edge(id, inner.Id, SbomEdgeKind.Contains, "components");
            }
        }
        return component;
    }

    private void Dependency(XElement element)
    {
        if (element.Attribute("ref")?.Value is not { } from)
            return;
        foreach (var target in element.Elements(_ns + "dependency"))
        {
            if (target.Attribute("ref")?.Value is { } to)
                _builder.Edge(from, to, SbomEdgeKind.DependsOn, "dependsOn");
            // A nested dependency with children of its own states that component's dependencies too (1.2–1.4 habit).
            if (target.HasElements)
                Dependency(target);
        }
        foreach (var target in element.Elements(_ns + "provides"))
        {
            if (target.Attribute("ref")?.Value is { } to)
                _builder.Edge(from, to, SbomEdgeKind.Provides, "provides");
        }
    }

    private void Tools(XElement metadata)
    {
        if (metadata.Element(_ns + "tools") is not { } tools)
            return;
        foreach (var tool in tools.Descendants().Where(e => e.Name == _ns + "tool" || e.Name == _ns + "component" || e.Name == _ns + "service"))
        {
            if (Child(tool, "name") is { } name)
                _builder.Tools.Add(Child(tool, "version") is { } version ? $"{name} {version}" : name);
        }
    }

    private void Unique(string id, string location)
    {
        if (!_bomRefs.Add(id))
        {
            if (options.Schema == SbomSchemaCheck.Refuse)
                throw new SbomFormatException(SbomRefusal.Invalid, $"{location}: bom-ref '{id}' is used twice; a bom-ref must be unique within the document.");
            _builder.Diagnose(location, $"bom-ref '{id}' is used twice; the dependency graph may join the two.");
        }
    }

    private void CheckReferences()
    {
        if (_builder.Components.Count == 0 && _bomRefs.Count == 0)
            return;
        foreach (var edge in _builder.Edges)
        {
            if (!_bomRefs.Contains(edge.From))
                _builder.Diagnose("dependencies", $"The dependency entry '{edge.From}' refers to no component or service.");
            else if (!_bomRefs.Contains(edge.To))
                _builder.Diagnose("dependencies", $"'{edge.From}' depends on '{edge.To}', which is no component or service.");
        }
    }

    private string? Child(XElement element, string name) => element.Element(_ns + name)?.Value.Trim();

    private static SbomFormatException Malformed(XmlException e)
    {
        if (e.Message.Contains("DTD", StringComparison.Ordinal))
            return new SbomFormatException(SbomRefusal.Hostile, "The XML declares a DTD; DTDs, entity expansion and external entities are never processed, so the document is refused.", e.LineNumber, e.LinePosition, e);
        if (e.Message.Contains("Unexpected end of file", StringComparison.Ordinal))
            return new SbomFormatException(SbomRefusal.Malformed, "The XML ends before the document does: the file is truncated.", e.LineNumber, e.LinePosition, e);
        var reason = e.Message.Split(" Line ", 2)[0].TrimEnd();
        return new SbomFormatException(SbomRefusal.Malformed, $"The XML is not well-formed: {reason}", e.LineNumber, e.LinePosition, e);
    }
}
