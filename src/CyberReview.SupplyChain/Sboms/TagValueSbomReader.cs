using System.Text;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Reads SPDX 2.x tag-value text line by line: the document header, packages (until a file or snippet section
/// starts), their external references, and relationships. Multi-line values in &lt;text&gt;…&lt;/text&gt; are skipped over.
/// </summary>
internal sealed class TagValueSbomReader(Stream stream, SbomReadOptions options)
{
    private readonly SbomBuilder _builder = new(options);
    private Package? _package;

    public Sbom Read()
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        string? version = null, name = null, ns = null;
        DateTimeOffset? created = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var tag = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (value.StartsWith("<text>", StringComparison.Ordinal))
            {
                // Skips to the end of a multi-line value; only single-line ones are used.
                var text = value;
                while (!text.Contains("</text>", StringComparison.Ordinal) && reader.ReadLine() is { } more)
                {
                    lineNumber++;
                    text = more;
                }
                continue;
            }
            var location = $"line {lineNumber}";
            switch (tag)
            {
                case "SPDXVersion": version = value; break;
                case "DocumentName": name = value; break;
                case "DocumentNamespace": ns = value; break;
                case "Created": created = SbomBuilder.Timestamp(value); break;
                case "Creator" when value.StartsWith("Tool:", StringComparison.Ordinal): _builder.Tools.Add(value[5..].Trim()); break;
                case "PackageName": Flush(); _package = new Package { Name = value }; break;
                case "FileName" or "SnippetSPDXID": Flush(); break;
                case "SPDXID" when _package is not null: _package.Id ??= value; break;
                case "PackageVersion" when _package is not null: _package.Version = value; break;
                case "PackageSupplier" when _package is not null: _package.Supplier = SpdxJson.Party(value); break;
                case "PrimaryPackagePurpose" when _package is not null: _package.Type = value.ToLowerInvariant().Replace('_', '-'); break;
                case "PackageLicenseDeclared" when _package is not null: SpdxJson.AddLicence(_package.Licences, value, false, _builder.Strings); break;
                case "PackageLicenseConcluded" when _package is not null: SpdxJson.AddLicence(_package.Licences, value, true, _builder.Strings); break;
                case "PackageChecksum" when _package is not null:
                    var parts = value.Split(':', 2, StringSplitOptions.TrimEntries);
                    if (parts.Length == 2)
                        _package.Hashes.Add(new SbomHash(_builder.Strings.Share(parts[0])!, parts[1]));
                    break;
                case "ExternalRef" when _package is not null:
                    var reference = value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (reference.Length == 3 && reference[1] == "purl")
                        _package.Purl ??= _builder.Purl(reference[2], location);
                    else if (reference.Length == 3 && reference[1] is "cpe23Type" or "cpe22Type")
                        _package.Cpes.Add(reference[2]);
                    break;
                case "Relationship":
                    var relationship = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (relationship.Length >= 3)
                        SpdxRelationships.Add(_builder, relationship[0], relationship[1], relationship[2], "SPDXRef-DOCUMENT");
                    else
                        _builder.Diagnose(location, "The relationship does not read 'A TYPE B'.");
                    break;
                default: break;
            }
        }
        Flush();
        if (version is null || !version.StartsWith("SPDX-2.", StringComparison.Ordinal))
            throw new SbomFormatException(SbomRefusal.Unsupported, $"The tag-value document's SPDXVersion is '{version}'; SPDX 2.x is read.");
        return _builder.Build(SbomFormat.Spdx, SbomSyntax.TagValue, version["SPDX-".Length..], name, ns, created, null);
    }

    private void Flush()
    {
        if (_package is not { } p)
            return;
        var strings = _builder.Strings;
        _builder.Add(new SbomComponent
        {
            Id = strings.Share(p.Id),
            Name = p.Name,
            Version = p.Version,
            Purl = p.Purl,
            Cpes = p.Cpes.Count == 0 ? [] : [.. p.Cpes],
            Supplier = strings.Share(p.Supplier),
            Licences = p.Licences.Count == 0 ? [] : [.. p.Licences],
            Hashes = p.Hashes.Count == 0 ? [] : [.. p.Hashes],
            Type = strings.Share(p.Type),
        });
        _package = null;
    }

    private sealed class Package
    {
        public required string Name { get; init; }
        public string? Id { get; set; }
        public string? Version { get; set; }
        public string? Supplier { get; set; }
        public string? Type { get; set; }
        public Purls.PackageUrl? Purl { get; set; }
        public List<string> Cpes { get; } = [];
        public List<SbomLicence> Licences { get; } = [];
        public List<SbomHash> Hashes { get; } = [];
    }
}
