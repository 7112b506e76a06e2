using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Versions;
using CyberReview.SupplyChain.Versions.Ranges;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Finds the VEX statement that applies to a component affected by an advisory.
/// </summary>
/// <remarks>
/// <para>A statement applies when it names the vulnerability — its id or one of its aliases equals the advisory's id or
/// one of the advisory's aliases, case ignored — and one of its products (or, for a product with subcomponents, one of
/// those) names the component.</para>
/// <para>A product names a component by its document id (a CycloneDX <c>bom-ref</c>, or the fragment of a BOM-Link),
/// or by package URL: the same type, namespace and name (compared as the ecosystem compares package names), qualifiers
/// and subpath ignored. A purl <b>without a version</b> names every version of the package; a purl with a version names
/// only that version (equal as written, or equal by the ecosystem's ordering: Maven's <c>1.0</c> is <c>1.0.0</c>).
/// CycloneDX version limits (<c>affects[].versions</c>) restrict the statement to the versions they list, exactly or by
/// <c>vers:</c> range.</para>
/// <para>When several statements apply, the latest by timestamp wins (a statement without one counts as oldest); on a
/// tie, the one given last.</para>
/// </remarks>
public sealed class VexApplication
{
    private readonly Dictionary<string, List<(VexStatement Statement, int Order)>> _byId = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The statements to apply, in the order given (later ones win ties).</summary>
    /// <param name="statements">The statements.</param>
    public VexApplication(IEnumerable<VexStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        var order = 0;
        foreach (var statement in statements)
        {
            foreach (var id in statement.Aliases.Prepend(statement.VulnerabilityId).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!_byId.TryGetValue(id, out var list))
                    _byId[id] = list = [];
                list.Add((statement, order));
            }
            order++;
        }
    }

    /// <summary>Whether no statement was given.</summary>
    public bool IsEmpty => _byId.Count == 0;

    /// <summary>The verdict for <paramref name="component"/> and <paramref name="advisory"/>, or null when no statement applies.</summary>
    /// <param name="component">The affected component.</param>
    /// <param name="advisory">The advisory affecting it.</param>
    public VexVerdict? For(SbomComponent component, Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(advisory);
        if (_byId.Count == 0)
            return null;
        (VexStatement Statement, int Order)? best = null;
        foreach (var id in advisory.Aliases.Prepend(advisory.Id))
        {
            if (!_byId.TryGetValue(id, out var candidates))
                continue;
            foreach (var candidate in candidates)
            {
                if (!candidate.Statement.Products.Any(p => Names(p, component)))
                    continue;
                if (best is null || IsLater(candidate, best.Value))
                    best = candidate;
            }
        }
        if (best is not { Statement: var statement })
            return null;
        return new VexVerdict(statement.Status, statement.Justification, statement.ImpactStatement, statement.ActionStatement, statement.VulnerabilityId);
    }

    private static bool IsLater((VexStatement Statement, int Order) a, (VexStatement Statement, int Order) b)
    {
        var ta = a.Statement.Timestamp ?? DateTimeOffset.MinValue;
        var tb = b.Statement.Timestamp ?? DateTimeOffset.MinValue;
        return ta != tb ? ta > tb : a.Order > b.Order;
    }

    private static bool Names(VexProduct product, SbomComponent component) =>
        product.Subcomponents.Count > 0 ? product.Subcomponents.Any(s => NamesItself(s, component)) : NamesItself(product, component);

    private static bool NamesItself(VexProduct product, SbomComponent component)
    {
        var named = (product.Id is { } id && component.Id is { } reference && (id == reference || Fragment(id) == reference))
            || (product.Purl is { } text && component.Purl is { } purl && PurlNames(text, purl, component.Version));
        return named && WithinVersions(product, component);
    }

    /// <summary>The bom-ref a CycloneDX BOM-Link (<c>urn:cdx:serial/version#bom-ref</c>) points to.</summary>
    private static string? Fragment(string id) =>
        id.StartsWith("urn:cdx:", StringComparison.Ordinal) && id.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0
            ? Uri.UnescapeDataString(id[(hash + 1)..])
            : null;

    private static bool PurlNames(string text, PackageUrl component, string? componentVersion)
    {
        if (!PackageUrl.TryParse(text, PackageUrlParseMode.Lenient, out var named))
            return false;
        var samePackage = PackageKey.For(named) is { } key && PackageKey.For(component) is { } other
            ? key == other
            : string.Equals(named.Type, component.Type, StringComparison.OrdinalIgnoreCase)
                && string.Equals(named.Namespace, component.Namespace, StringComparison.Ordinal)
                && string.Equals(named.Name, component.Name, StringComparison.Ordinal);
        if (!samePackage)
            return false;
        if (named.Version is not { } version)
            return true;
        var actual = component.Version ?? componentVersion;
        if (actual is null)
            return false;
        if (version == actual)
            return true;
        return Ecosystem.TryFromPurl(component, out var ecosystem)
            && ecosystem.Ordering.TryParse(version, out var a, out _)
            && ecosystem.Ordering.TryParse(actual, out var b, out _)
            && a.CompareTo(b) == 0;
    }

    private static bool WithinVersions(VexProduct product, SbomComponent component)
    {
        if (product.Versions.Count == 0)
            return true;
        var actual = component.Purl?.Version ?? component.Version;
        if (actual is null)
            return false;
        foreach (var limit in product.Versions)
        {
            if (limit.Version == actual)
                return true;
            if (limit.Range is { } text && VersRange.TryParse(text, out var range, out _) && range.Unorderable is null && range.Contains(actual))
                return true;
        }
        return false;
    }
}
