namespace CyberReview.SupplyChain.Vex;

/// <summary>A product a VEX statement is about, with the identifiers that let it be matched to an SBOM.</summary>
/// <param name="Id">The document's own identifier for it: an OpenVEX <c>@id</c>, a CycloneDX <c>bom-ref</c> or BOM-Link, a CSAF product id.</param>
/// <param name="Purl">Its package URL, when known.</param>
/// <param name="Cpe">Its CPE (2.2 or 2.3), when known.</param>
/// <param name="Subcomponents">The components of the product the statement is about; empty when it is about the product as a whole.</param>
public sealed record VexProduct(string? Id, string? Purl, string? Cpe, IReadOnlyList<VexProduct> Subcomponents)
{
    /// <summary>
    /// The versions the statement is limited to (CycloneDX only; OpenVEX and CSAF name versions in the purl or product).
    /// Empty means every version of the product. CycloneDX's own reading: versions not listed keep the opposite status.
    /// </summary>
    public IReadOnlyList<VexProductVersion> Versions { get; init; } = [];

    /// <summary>A product known only by one identifier, taken as a purl when it reads as one.</summary>
    /// <param name="identifier">The identifier.</param>
    public static VexProduct Named(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return new VexProduct(
            identifier,
            identifier.StartsWith("pkg:", StringComparison.Ordinal) ? identifier : null,
            identifier.StartsWith("cpe:", StringComparison.Ordinal) ? identifier : null,
            []);
    }
}
