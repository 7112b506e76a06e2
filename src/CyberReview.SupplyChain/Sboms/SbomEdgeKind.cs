namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// What an edge of the graph says, normalized so that the edge always points from the dependent to what it
/// needs or holds (SPDX <c>DEPENDENCY_OF</c> and <c>CONTAINED_BY</c> are turned around).
/// </summary>
public enum SbomEdgeKind
{
    /// <summary>From needs To: CycloneDX <c>dependsOn</c>; SPDX <c>DEPENDS_ON</c>, <c>*_DEPENDENCY_OF</c> (reversed) and the like.</summary>
    DependsOn,

    /// <summary>From holds To: SPDX <c>CONTAINS</c> / <c>CONTAINED_BY</c> (reversed), CycloneDX nested components.</summary>
    Contains,

    /// <summary>The document (From) is about To: SPDX <c>DESCRIBES</c> / <c>documentDescribes</c>.</summary>
    Describes,

    /// <summary>From provides To (CycloneDX 1.6 <c>provides</c>, e.g. a crypto implementation).</summary>
    Provides,

    /// <summary>Any other relationship (SPDX <c>GENERATED_FROM</c>, <c>VARIANT_OF</c>…); its original name is kept.</summary>
    Other,
}
