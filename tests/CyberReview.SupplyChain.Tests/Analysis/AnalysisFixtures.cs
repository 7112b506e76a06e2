using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Tests.Analysis;

/// <summary>Small documents written for the analysis tests: a CycloneDX 1.6 SBOM, OSV records and OpenVEX statements.</summary>
internal static class AnalysisFixtures
{
    public sealed record Part(string Name, string Version, string Purl, string? Supplier = "Example Org", string? Licence = "MIT", string? Ref = null);

    public static Sbom Sbom(params Part[] parts)
    {
        var components = new JsonArray();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var component = new JsonObject
            {
                ["bom-ref"] = part.Ref ?? $"ref-{i}",
                ["type"] = "library",
                ["name"] = part.Name,
                ["version"] = part.Version,
                ["purl"] = part.Purl,
            };
            if (part.Supplier is { } supplier)
                component["supplier"] = new JsonObject { ["name"] = supplier };
            if (part.Licence is { } licence)
                component["licenses"] = new JsonArray(new JsonObject { ["expression"] = licence });
            components.Add(component);
        }
        var document = new JsonObject
        {
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
            ["version"] = 1,
            ["metadata"] = new JsonObject { ["component"] = new JsonObject { ["type"] = "application", ["name"] = "product", ["bom-ref"] = "product" } },
            ["components"] = components,
            ["dependencies"] = new JsonArray(
                new JsonObject { ["ref"] = "product", ["dependsOn"] = new JsonArray([.. parts.Select((p, i) => (JsonNode)JsonValue.Create(p.Ref ?? $"ref-{i}"))]) }),
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        return SbomReader.Read(stream);
    }

    public static Advisory Osv(string json)
    {
        var result = OsvReader.Read(Encoding.UTF8.GetBytes(json), "test");
        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        return result.Advisory!;
    }

    /// <summary>An OSV record for one package with one ECOSYSTEM range and optional extras.</summary>
    public static Advisory Osv(string id, string ecosystem, string name, string events, string extra = "", string aliases = "[]") => Osv($$"""
        {
          "id": "{{id}}", "modified": "2024-01-01T00:00:00Z", "aliases": {{aliases}}, "summary": "{{id}} summary",
          "affected": [{ "package": { "ecosystem": "{{ecosystem}}", "name": "{{name}}" },
                         "ranges": [{ "type": "ECOSYSTEM", "events": {{events}} }] }]
          {{extra}}
        }
        """);

    public static IReadOnlyList<VexStatement> OpenVex(params (string Vulnerability, string Product, string Status, string? Justification)[] statements)
    {
        var list = new JsonArray();
        foreach (var (vulnerability, product, status, justification) in statements)
        {
            var statement = new JsonObject
            {
                ["vulnerability"] = new JsonObject { ["name"] = vulnerability },
                ["products"] = new JsonArray(new JsonObject { ["@id"] = product }),
                ["status"] = status,
            };
            if (justification is not null)
                statement["justification"] = justification;
            if (status == "affected")
                statement["action_statement"] = "Upgrade.";
            list.Add(statement);
        }
        var document = new JsonObject
        {
            ["@context"] = "https://openvex.dev/ns/v0.2.0",
            ["@id"] = "https://example.org/vex/1",
            ["author"] = "Example Org",
            ["timestamp"] = "2024-02-01T00:00:00Z",
            ["version"] = 1,
            ["statements"] = list,
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        return VexReader.Read(stream).Statements;
    }

    public static JsonDocument Parse(MemoryStream stream) => JsonDocument.Parse(stream.ToArray());
}
