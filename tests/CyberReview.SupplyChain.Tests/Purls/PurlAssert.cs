using System.Text.Json;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>Compares a purl with components written as in the purl test schema.</summary>
internal static class PurlAssert
{
    public static void HasComponents(JsonElement expected, PackageUrl actual)
    {
        Assert.Equal(Text(expected, "type"), actual.Type);
        Assert.Equal(Text(expected, "namespace"), actual.Namespace);
        Assert.Equal(Text(expected, "name"), actual.Name);
        Assert.Equal(Text(expected, "version"), actual.Version);
        Assert.Equal(Qualifiers(expected), [.. actual.Qualifiers]);
        Assert.Equal(Text(expected, "subpath"), actual.Subpath);
    }

    public static string? Text(JsonElement components, string property) =>
        components.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The qualifiers as the canonical order would list them; null and an empty object both mean none.</summary>
    public static KeyValuePair<string, string>[] Qualifiers(JsonElement components) =>
        components.TryGetProperty("qualifiers", out var qualifiers) && qualifiers.ValueKind == JsonValueKind.Object
            ? [.. qualifiers.EnumerateObject()
                .Select(pair => new KeyValuePair<string, string>(pair.Name, pair.Value.GetString() ?? ""))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)]
            : [];
}
