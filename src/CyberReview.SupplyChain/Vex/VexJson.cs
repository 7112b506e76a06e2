using System.Text.Json;
using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Vex;

/// <summary>Small readers over a parsed JSON document shared by the three VEX formats: absent and mistyped values read as absent.</summary>
internal static class VexJson
{
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static IEnumerable<string> Strings(JsonElement element, string property) =>
        Array(element, property).Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!);

    public static DateTimeOffset? Time(JsonElement element, string property) =>
        String(element, property) is { } text ? OsvTimestamp.Parse(text).Value : null;
}
