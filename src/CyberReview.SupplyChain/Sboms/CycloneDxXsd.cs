using System.Xml;
using System.Xml.Schema;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// The published CycloneDX XSDs (1.0–1.7 and the SPDX licence-id schema they import, embedded, Apache-2.0),
/// compiled once into one schema set; a document is validated by the namespace of its root element while it
/// streams through the reader.
/// </summary>
internal static class CycloneDxXsd
{
    public const string SpdxNamespace = "http://cyclonedx.org/schema/spdx";
    public const string NamespacePrefix = "http://cyclonedx.org/schema/bom/";

    public static IReadOnlyList<string> Versions { get; } = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"];

    private static readonly Lazy<XmlSchemaSet> LazySchemas = new(Load);

    public static XmlSchemaSet Schemas => LazySchemas.Value;

    /// <summary>The version a root namespace names (<c>http://cyclonedx.org/schema/bom/1.6</c> → 1.6); null when it names none here.</summary>
    public static string? VersionOf(string ns) =>
        ns.StartsWith(NamespacePrefix, StringComparison.Ordinal) && Versions.Contains(ns[NamespacePrefix.Length..]) ? ns[NamespacePrefix.Length..] : null;

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var name in Versions.Select(v => $"bom-{v}.xsd"))
        {
            using var stream = CycloneDxSchemas.ResourceStream(name);
            using var reader = XmlReader.Create(stream, settings);
            set.Add(XmlSchema.Read(reader, null)!);
        }
        set.Compile();
        return set;
    }

    /// <summary>Serves the schemas' imports (only the SPDX one) from the embedded copy; nothing is fetched.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            absoluteUri.AbsoluteUri.TrimEnd('/') == SpdxNamespace
                ? CycloneDxSchemas.ResourceStream("spdx.xsd")
                : throw new XmlException($"The CycloneDX schemas refer to '{absoluteUri}', which is not embedded.");
    }
}
