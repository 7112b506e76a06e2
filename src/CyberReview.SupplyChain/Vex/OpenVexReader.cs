using System.Text.Json;
using static CyberReview.SupplyChain.Vex.VexJson;

namespace CyberReview.SupplyChain.Vex;

/// <summary>
/// OpenVEX v0.0.1 (vulnerability and products as plain strings, statement-level subcomponents) and v0.2.0
/// (vulnerability and product objects with identifiers and nested subcomponents).
/// </summary>
internal static class OpenVexReader
{
    public static VexDocument Read(JsonElement root)
    {
        var documentTime = Time(root, "timestamp");
        var statements = new List<VexStatement>();
        var index = 0;
        foreach (var statement in Array(root, "statements"))
        {
            var where = $"statements[{index++}]";
            string? id;
            string[] aliases = [];
            if (statement.TryGetProperty("vulnerability", out var vulnerability) && vulnerability.ValueKind == JsonValueKind.String)
                id = vulnerability.GetString();
            else if (Object(statement, "vulnerability") is { } named)
            {
                id = String(named, "name") ?? String(named, "@id");
                aliases = [.. Strings(named, "aliases")];
            }
            else
                id = null;
            if (string.IsNullOrEmpty(id))
                throw new VexFormatException($"OpenVEX {where} names no vulnerability.");

            var shared = Strings(statement, "subcomponents").Select(VexProduct.Named).ToArray();
            var products = Array(statement, "products").Select(product => Product(product, shared)).OfType<VexProduct>().ToArray();

            statements.Add(new VexStatement(
                id,
                aliases,
                products,
                Status(String(statement, "status"), where),
                String(statement, "justification"),
                String(statement, "impact_statement"),
                String(statement, "action_statement"),
                Time(statement, "timestamp") ?? Time(statement, "last_updated") ?? documentTime));
        }
        return new VexDocument(VexFormat.OpenVex, String(root, "@id"), Time(root, "last_updated") ?? documentTime, statements);
    }

    private static VexProduct? Product(JsonElement product, VexProduct[] shared)
    {
        if (product.ValueKind == JsonValueKind.String)
            return VexProduct.Named(product.GetString()!) with { Subcomponents = shared };
        if (product.ValueKind != JsonValueKind.Object)
            return null;

        var id = String(product, "@id");
        var identifiers = Object(product, "identifiers");
        var purl = identifiers is { } ids ? String(ids, "purl") : null;
        var cpe = identifiers is { } both ? String(both, "cpe23") ?? String(both, "cpe22") : null;
        var subcomponents = Array(product, "subcomponents").Select(sub => Product(sub, [])).OfType<VexProduct>().Concat(shared).ToArray();
        return new VexProduct(
            id,
            purl ?? (id?.StartsWith("pkg:", StringComparison.Ordinal) == true ? id : null),
            cpe ?? (id?.StartsWith("cpe:", StringComparison.Ordinal) == true ? id : null),
            subcomponents);
    }

    private static VexStatus Status(string? status, string where) => status switch
    {
        "not_affected" => VexStatus.NotAffected,
        "affected" => VexStatus.Affected,
        "fixed" => VexStatus.Fixed,
        "under_investigation" => VexStatus.UnderInvestigation,
        _ => throw new VexFormatException($"OpenVEX {where} has status \"{status}\"; expected not_affected, affected, fixed or under_investigation."),
    };
}
