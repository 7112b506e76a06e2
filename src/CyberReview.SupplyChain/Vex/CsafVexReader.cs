using System.Text.Json;
using static CyberReview.SupplyChain.Vex.VexJson;

namespace CyberReview.SupplyChain.Vex;

/// <summary>
/// The product status of a CSAF 2.0 document's vulnerabilities, with product ids resolved through the product tree:
/// branches (any depth), full product names and relationships, whose product is the platform
/// (<c>relates_to_product_reference</c>) with the component (<c>product_reference</c>) as its subcomponent.
/// </summary>
/// <remarks>
/// Justifications come from flags, impact statements from threats of category <c>impact</c>, action statements from
/// remediations; each may name products directly or through product groups. A vulnerability's products of one status
/// are one statement per distinct (justification, impact, action), in first-seen order.
/// </remarks>
internal static class CsafVexReader
{
    private static readonly (string Category, VexStatus Status)[] Categories =
    [
        ("known_not_affected", VexStatus.NotAffected),
        ("fixed", VexStatus.Fixed),
        ("first_fixed", VexStatus.Fixed),
        ("known_affected", VexStatus.Affected),
        ("first_affected", VexStatus.Affected),
        ("last_affected", VexStatus.Affected),
        ("under_investigation", VexStatus.UnderInvestigation),
    ];

    public static VexDocument Read(JsonElement root)
    {
        var document = Object(root, "document")!.Value;
        var tracking = Object(document, "tracking");
        var documentTime = tracking is { } t ? Time(t, "current_release_date") : null;

        var products = new Dictionary<string, VexProduct>(StringComparer.Ordinal);
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Object(root, "product_tree") is { } tree)
            ReadTree(tree, products, groups);

        var statements = new List<VexStatement>();
        foreach (var vulnerability in Array(root, "vulnerabilities"))
        {
            var ids = Array(vulnerability, "ids").Select(id => String(id, "text")).OfType<string>().ToList();
            var id = String(vulnerability, "cve") ?? ids.FirstOrDefault();
            if (id is null || Object(vulnerability, "product_status") is not { } status)
                continue;
            var aliases = ids.Where(alias => alias != id).Distinct().ToArray();

            var justification = PerProduct(Array(vulnerability, "flags"), "label", groups, _ => true);
            var impact = PerProduct(Array(vulnerability, "threats"), "details", groups, threat => String(threat, "category") == "impact");
            var action = PerProduct(Array(vulnerability, "remediations"), "details", groups, _ => true);

            foreach (var (category, vexStatus) in Categories)
            {
                var grouped = new Dictionary<(string?, string?, string?), List<VexProduct>>();
                var order = new List<(string?, string?, string?)>();
                foreach (var productId in Strings(status, category))
                {
                    var key = (justification.GetValueOrDefault(productId), impact.GetValueOrDefault(productId), action.GetValueOrDefault(productId));
                    if (!grouped.TryGetValue(key, out var list))
                    {
                        grouped[key] = list = [];
                        order.Add(key);
                    }
                    list.Add(products.GetValueOrDefault(productId) ?? new VexProduct(productId, null, null, []));
                }
                foreach (var key in order)
                {
                    statements.Add(new VexStatement(
                        id, aliases, grouped[key], vexStatus, key.Item1, key.Item2, key.Item3,
                        documentTime));
                }
            }
        }
        return new VexDocument(VexFormat.Csaf, tracking is { } track ? String(track, "id") : null, documentTime, statements);
    }

    private static void ReadTree(JsonElement tree, Dictionary<string, VexProduct> products, Dictionary<string, string[]> groups)
    {
        foreach (var branch in Array(tree, "branches"))
            ReadBranch(branch, products, 0);
        foreach (var name in Array(tree, "full_product_names"))
            Add(name, products, []);

        foreach (var group in Array(tree, "product_groups"))
        {
            if (String(group, "group_id") is { } groupId)
                groups[groupId] = [.. Strings(group, "product_ids")];
        }

        // A relationship may build on the product of another; a second pass resolves those written before their base.
        var relationships = Array(tree, "relationships").ToList();
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var relationship in relationships)
            {
                if (Object(relationship, "full_product_name") is not { } name)
                    continue;
                var component = Lookup(products, String(relationship, "product_reference"));
                var platform = Lookup(products, String(relationship, "relates_to_product_reference"));
                var helper = Object(name, "product_identification_helper");
                var product = new VexProduct(
                    String(name, "product_id"),
                    (helper is { } h ? String(h, "purl") : null) ?? platform?.Purl,
                    (helper is { } c ? String(c, "cpe") : null) ?? platform?.Cpe,
                    component is null ? [] : [component]);
                if (product.Id is { } productId)
                    products[productId] = product;
            }
        }
    }

    private static void ReadBranch(JsonElement branch, Dictionary<string, VexProduct> products, int depth)
    {
        // The document was parsed with a bounded depth already; this only guards the recursion itself.
        if (depth > 64)
            throw new VexFormatException("CSAF product tree branches are nested deeper than 64 levels.");
        if (Object(branch, "product") is { } product)
            Add(product, products, []);
        foreach (var child in Array(branch, "branches"))
            ReadBranch(child, products, depth + 1);
    }

    private static void Add(JsonElement name, Dictionary<string, VexProduct> products, IReadOnlyList<VexProduct> subcomponents)
    {
        if (String(name, "product_id") is not { } id)
            return;
        var helper = Object(name, "product_identification_helper");
        products.TryAdd(id, new VexProduct(id, helper is { } h ? String(h, "purl") : null, helper is { } c ? String(c, "cpe") : null, subcomponents));
    }

    private static VexProduct? Lookup(Dictionary<string, VexProduct> products, string? id) =>
        id is null ? null : products.GetValueOrDefault(id) ?? new VexProduct(id, null, null, []);

    private static Dictionary<string, string> PerProduct(IEnumerable<JsonElement> items, string property, Dictionary<string, string[]> groups, Func<JsonElement, bool> applies)
    {
        var texts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in items.Where(applies))
        {
            if (String(item, property) is not { } text)
                continue;
            var productIds = Strings(item, "product_ids")
                .Concat(Strings(item, "group_ids").SelectMany(group => groups.GetValueOrDefault(group) ?? []));
            foreach (var productId in productIds)
            {
                if (!texts.TryGetValue(productId, out var list))
                    texts[productId] = list = [];
                if (!list.Contains(text))
                    list.Add(text);
            }
        }
        return texts.ToDictionary(pair => pair.Key, pair => string.Join("\n", pair.Value), StringComparer.Ordinal);
    }
}
