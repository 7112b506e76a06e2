using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Json.Schema;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// The published CycloneDX JSON schemas (1.2–1.7, embedded, Apache-2.0), used to check a document one top-level
/// value at a time, so that validation streams with the reading: each component is checked against
/// <c>#/properties/components/items</c> of its version's schema as it arrives, never the whole file at once.
/// </summary>
/// <remarks>
/// The schemas are used rather than rules rewritten in C# because they are the standard's own statement of
/// validity, kept by the standard's authors; the rules a schema cannot state (bom-ref uniqueness) are checked by
/// the reader. 1.2 and 1.3 use the regular (not the "strict") schema, as the conformance suite does.
/// </remarks>
internal sealed class CycloneDxSchemas
{
    private static readonly Lazy<BuildOptions> Build = new(Load);
    private static readonly ConcurrentDictionary<string, CycloneDxSchemas?> ByVersion = new(StringComparer.Ordinal);
    // A valid value (the usual case) is settled by the flag output, which stops at the first failure; only an invalid
    // one is evaluated again for the list of faults.
    private static readonly EvaluationOptions Flag = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly string _id;
    private readonly ConcurrentDictionary<string, JsonSchema> _parts = new(StringComparer.Ordinal);

    private CycloneDxSchemas(string version, JsonElement root)
    {
        Version = version;
        _id = root.GetProperty("$id").GetString()!;
        Properties = root.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Required = [.. root.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)];
        Closed = root.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
    }

    public static IReadOnlyList<string> Versions { get; } = ["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"];

    public string Version { get; }

    /// <summary>The top-level properties the schema defines.</summary>
    public IReadOnlySet<string> Properties { get; }

    /// <summary>The top-level properties the schema requires.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>Whether the schema refuses top-level properties it does not define.</summary>
    public bool Closed { get; }

    /// <summary>The schemas of a version; null when the version has no JSON schema here.</summary>
    public static CycloneDxSchemas? For(string specVersion) =>
        ByVersion.GetOrAdd(specVersion, static version =>
        {
            if (!Versions.Contains(version))
                return null;
            using var document = JsonDocument.Parse(Resource($"bom-{version}.schema.json"));
            _ = Build.Value;
            return new CycloneDxSchemas(version, document.RootElement);
        });

    /// <summary>
    /// Checks one top-level value (<paramref name="item"/>: one element of the top-level array
    /// <paramref name="property"/>) and adds a sentence per fault, located like <c>components[3].hashes[0].content</c>.
    /// </summary>
    public void Check(string property, bool item, JsonElement value, string location, List<string> faults)
    {
        if (!Properties.Contains(property))
        {
            if (Closed)
                faults.Add($"{property}: CycloneDX {Version} does not define a top-level property '{property}'.");
            return;
        }
        var pointer = item ? $"#/properties/{property}/items" : $"#/properties/{property}";
        var schema = _parts.GetOrAdd(pointer, p => JsonSchema.FromText(
            $$"""{"$schema":"http://json-schema.org/draft-07/schema#","$ref":"{{_id}}{{p}}"}""", Build.Value));
        try
        {
            if (schema.Evaluate(value, Flag).IsValid)
                return;
        }
        catch (RefResolutionException)
        {
            // An array where the schema has a single value: there is no item schema to check against (found by fuzzing).
            faults.Add($"{location}: CycloneDX {Version} does not define '{property}' as a list.");
            return;
        }
        var results = schema.Evaluate(value, Evaluation);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors is null)
                continue;
            foreach (var (keyword, message) in detail.Errors)
            {
                var where = location + Path(detail.InstanceLocation.ToString());
                var fault = $"{where}: {message}{Shown(value, detail.InstanceLocation.ToString())} ({keyword})";
                if (seen.Add(fault) && seen.Count <= 6)
                    faults.Add(fault);
            }
        }
        if (seen.Count == 0)
            faults.Add($"{location}: does not match the CycloneDX {Version} schema.");
    }

    /// <summary>"/hashes/0/alg" → ".hashes[0].alg".</summary>
    private static string Path(string pointer)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path.Append(int.TryParse(name, out _) ? $"[{name}]" : $".{name}");
        }
        return path.ToString();
    }

    /// <summary>The offending value when it is a short scalar, e.g. " (found 'foo')".</summary>
    private static string Shown(JsonElement value, string pointer)
    {
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (value.ValueKind == JsonValueKind.Array && int.TryParse(name, out var index) && index < value.GetArrayLength())
                value = value[index];
            else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var child))
                value = child;
            else
                return "";
        }
        return value.ValueKind switch
        {
            JsonValueKind.String when value.GetString()!.Length <= 80 => $" (found '{value.GetString()}')",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => $" (found {value.GetRawText()})",
            _ => "",
        };
    }

    private static BuildOptions Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var name in (ReadOnlySpan<string>)["spdx.schema.json", "jsf-0.82.schema.json", "cryptography-defs.schema.json"])
            JsonSchema.FromText(Resource(name), options);
        foreach (var version in Versions)
            JsonSchema.FromText(Resource($"bom-{version}.schema.json"), options);
        return options;
    }

    internal static string Resource(string name)
    {
        using var stream = typeof(CycloneDxSchemas).Assembly.GetManifestResourceStream("Schemas/" + name)
            ?? throw new InvalidOperationException($"The embedded schema '{name}' is missing from {typeof(CycloneDxSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static Stream ResourceStream(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Schemas/" + name)
            ?? throw new InvalidOperationException($"The embedded schema '{name}' is missing.");
}
