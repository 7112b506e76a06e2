namespace CyberReview.Web.Features.SupplyChain;

/// <summary>A name with how many components it covers and their share of the whole.</summary>
public sealed record Share(string Name, int Components, double Fraction);

/// <summary>How many components of an ecosystem (package URL type; empty for components without one).</summary>
public sealed record EcosystemCount(string Ecosystem, int Components);

/// <summary>
/// What an SBOM analysis says about a version's supply chain, kept with the analysis: who supplies the components
/// (and how concentrated that is), which ecosystems they come from, how deep the dependency graph goes, and how many
/// advisories affect them by severity.
/// </summary>
public sealed record SbomFacts(
    int Components,
    int ComponentsWithoutSupplier,
    int ComponentsWithoutPurl,
    int DependencyDepth,
    IReadOnlyList<Share> Suppliers,
    double? TopSupplierShare,
    IReadOnlyList<EcosystemCount> Ecosystems,
    int VulnerableComponents,
    IReadOnlyDictionary<string, int> VulnerabilitiesBySeverity,
    int AdvisoriesKnown);
