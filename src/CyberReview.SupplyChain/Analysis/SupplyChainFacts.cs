using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Facts about an SBOM's supply chain that need no advisory (risk area 2): origin unknown, licensing, depth, ecosystems
/// and how concentrated the suppliers are.
/// </summary>
/// <param name="ComponentCount">How many components the SBOM lists.</param>
/// <param name="ComponentsWithoutPurl">How many have no (readable) package URL and so cannot be matched to advisories.</param>
/// <param name="ComponentsWithoutSupplier">The components whose supplier the SBOM does not state.</param>
/// <param name="LicenceConcerns">Components with no licence, or with a licence the policy denies or puts up for review.</param>
/// <param name="DependencyDepth">The longest path of the dependency graph from its roots (see <see cref="Sbom.DependencyDepth"/>).</param>
/// <param name="ComponentsByEcosystem">Component counts by purl type, in ordinal key order (empty key: no purl).</param>
/// <param name="Suppliers">Suppliers by component count, largest first (ties by name).</param>
/// <param name="SupplierConcentration">
/// The Herfindahl–Hirschman index of supplier shares over components that name one, 0–1: 1 when one supplier supplies
/// everything, near 0 when many share evenly; 0 when no component names a supplier.
/// </param>
public sealed record SupplyChainFacts(
    int ComponentCount,
    int ComponentsWithoutPurl,
    IReadOnlyList<SbomComponent> ComponentsWithoutSupplier,
    IReadOnlyList<LicenceConcern> LicenceConcerns,
    int DependencyDepth,
    IReadOnlyDictionary<string, int> ComponentsByEcosystem,
    IReadOnlyList<SupplierShare> Suppliers,
    double SupplierConcentration)
{
    /// <summary>The facts of <paramref name="sbom"/> under <paramref name="policy"/>.</summary>
    /// <param name="sbom">The SBOM.</param>
    /// <param name="policy">Which licences concern; <see cref="LicencePolicy.Default"/> when null.</param>
    public static SupplyChainFacts Of(Sbom sbom, LicencePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(sbom);
        policy ??= LicencePolicy.Default;
        var concerns = new List<LicenceConcern>();
        var bySupplier = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var withoutPurl = 0;
        foreach (var component in sbom.Components)
        {
            if (component.Purl is null)
                withoutPurl++;
            if (component.Supplier is { } supplier)
                bySupplier[supplier] = bySupplier.GetValueOrDefault(supplier) + 1;
            if (Concern(component, policy) is { } concern)
                concerns.Add(concern);
        }
        var supplied = bySupplier.Values.Sum();
        var suppliers = bySupplier
            .Select(pair => new SupplierShare(pair.Key, pair.Value, (double)pair.Value / supplied))
            .OrderByDescending(s => s.Components).ThenBy(s => s.Supplier, StringComparer.Ordinal)
            .ToArray();
        var concentration = suppliers.Sum(s => s.Share * s.Share);
        return new SupplyChainFacts(
            sbom.Components.Count, withoutPurl, sbom.ComponentsWithoutSupplier(), concerns, sbom.DependencyDepth(),
            sbom.ComponentsByPurlType(), suppliers, concentration);
    }

    private static LicenceConcern? Concern(SbomComponent component, LicencePolicy policy)
    {
        var denied = new List<string>();
        var review = new List<string>();
        var stated = false;
        foreach (var licence in component.Licences)
        {
            foreach (var id in Ids(licence.Value))
            {
                if (id is "NOASSERTION" or "NONE")
                    continue;
                stated = true;
                if (policy.Deny.Contains(id))
                    denied.Add(id);
                else if (policy.Review.Contains(id))
                    review.Add(id);
            }
        }
        if (!stated)
            return new LicenceConcern(component, LicenceConcernKind.NoLicence, []);
        if (denied.Count > 0)
            return new LicenceConcern(component, LicenceConcernKind.Denied, [.. denied.Distinct(StringComparer.Ordinal)]);
        if (review.Count > 0)
            return new LicenceConcern(component, LicenceConcernKind.ForReview, [.. review.Distinct(StringComparer.Ordinal)]);
        return null;
    }

    /// <summary>The licence ids of an SPDX expression (operators, parentheses and a trailing '+' left out).</summary>
    private static IEnumerable<string> Ids(string expression)
    {
        foreach (var token in expression.Split([' ', '(', ')', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token is "AND" or "OR" or "WITH" or "and" or "or" or "with")
                continue;
            yield return token.TrimEnd('+');
        }
    }
}
