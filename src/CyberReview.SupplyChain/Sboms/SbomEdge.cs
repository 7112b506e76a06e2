namespace CyberReview.SupplyChain.Sboms;

/// <summary>An edge of the document's graph, between two element ids (bom-refs or SPDXIDs).</summary>
/// <param name="From">The dependent or holding element.</param>
/// <param name="To">The element needed or held.</param>
/// <param name="Kind">What the edge says, direction normalized.</param>
/// <param name="Relationship">The relationship as the document names it: <c>dependsOn</c>, <c>DEPENDS_ON</c>, <c>DEV_DEPENDENCY_OF</c>…</param>
public readonly record struct SbomEdge(string From, string To, SbomEdgeKind Kind, string Relationship);
