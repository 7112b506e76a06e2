namespace CyberReview.SupplyChain.Sboms;

/// <summary>One licence of a component: an SPDX id, a name, or an SPDX expression.</summary>
/// <param name="Value">The id, name or expression as written; never empty.</param>
/// <param name="Kind">What <paramref name="Value"/> is.</param>
/// <param name="Concluded">
/// True when the document says this licence was concluded (SPDX <c>licenseConcluded</c>, CycloneDX
/// <c>acknowledgement: concluded</c>); false when declared or unsaid.
/// </param>
public readonly record struct SbomLicence(string Value, SbomLicenceKind Kind, bool Concluded = false)
{
    /// <inheritdoc/>
    public override string ToString() => Value;
}
