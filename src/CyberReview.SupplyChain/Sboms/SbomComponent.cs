using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// A component of an SBOM: a CycloneDX component or an SPDX package, with what the product needs from it.
/// </summary>
/// <remarks>
/// Immutable. Lists are never null (empty when the document says nothing). Strings repeated across a document
/// (ids, licence ids, algorithms, suppliers) are shared, so a large SBOM stays compact in memory.
/// </remarks>
public sealed class SbomComponent
{
    /// <summary>The element id: the CycloneDX <c>bom-ref</c> or the SPDX <c>SPDXID</c>; null when the document gives none.</summary>
    public string? Id { get; init; }

    /// <summary>The component's name; never null (empty only when the document leaves it out, which is diagnosed).</summary>
    public required string Name { get; init; }

    /// <summary>The CycloneDX <c>group</c> (e.g. a Maven groupId); null for SPDX and when absent.</summary>
    public string? Group { get; init; }

    /// <summary>The version as written; null when absent (SPDX <c>NOASSERTION</c> is kept as written).</summary>
    public string? Version { get; init; }

    /// <summary>The package URL, parsed; null when absent or unparsable (an unparsable one is a diagnostic of the document).</summary>
    public PackageUrl? Purl { get; init; }

    /// <summary>CPE names (2.2 URI or 2.3 formatted string) as written.</summary>
    public IReadOnlyList<string> Cpes { get; init; } = [];

    /// <summary>
    /// Who supplies the component: the CycloneDX <c>supplier.name</c> (else <c>publisher</c>), or the SPDX
    /// <c>supplier</c> without its <c>Organization:</c>/<c>Person:</c> prefix; null when absent or <c>NOASSERTION</c>.
    /// </summary>
    public string? Supplier { get; init; }

    /// <summary>Licences: ids, names or expressions, declared or concluded.</summary>
    public IReadOnlyList<SbomLicence> Licences { get; init; } = [];

    /// <summary>Digests of the component.</summary>
    public IReadOnlyList<SbomHash> Hashes { get; init; } = [];

    /// <summary>
    /// The kind of component, lower case: the CycloneDX <c>type</c> (<c>library</c>, <c>application</c>,
    /// <c>operating-system</c>…) or the SPDX <c>primaryPackagePurpose</c> (<c>library</c>, <c>container</c>…); null when absent.
    /// </summary>
    public string? Type { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Version is null ? Name : $"{Name}@{Version}";
}
