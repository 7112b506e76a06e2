namespace CyberReview.SupplyChain.Analysis;

/// <summary>How many components one supplier supplies.</summary>
/// <param name="Supplier">The supplier as the SBOM names it.</param>
/// <param name="Components">Its component count.</param>
/// <param name="Share">Its share of the components that name a supplier, 0–1.</param>
public readonly record struct SupplierShare(string Supplier, int Components, double Share);
