using System.Text.Json;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>Turns CycloneDX JSON values (a component, a dependency, the metadata) into the model.</summary>
internal static class CycloneDxJson
{
    /// <summary>Adds a component and, depth first, the components nested in it (with a Contains edge to each).</summary>
    public static SbomComponent Component(JsonElement element, SbomBuilder builder, string location, bool add = true)
    {
        var strings = builder.Strings;
        var id = strings.Share(Text(element, "bom-ref"));
        var component = new SbomComponent
        {
            Id = id,
            Name = Text(element, "name") ?? "",
            Group = Text(element, "group"),
            Version = Text(element, "version"),
            Type = strings.Share(Text(element, "type")),
            Purl = builder.Purl(Text(element, "purl"), location + ".purl"),
            Cpes = Text(element, "cpe") is { Length: > 0 } cpe ? [cpe] : [],
            Supplier = strings.Share(Supplier(element)),
            Licences = Licences(element, strings),
            Hashes = Hashes(element, strings),
        };
        if (add)
            builder.Add(component);
        if (element.TryGetProperty("components", out var nested) && nested.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var child in nested.EnumerateArray())
            {
                var inner = Component(child, builder, $"{location}.components[{i++}]", add);
                if (add && id is not null && inner.Id is not null)
                    builder.Edge(id, inner.Id, SbomEdgeKind.Contains, "components");
            }
        }
        return component;
    }

    public static void Dependency(JsonElement element, SbomBuilder builder)
    {
        if (Text(element, "ref") is not { } from)
            return;
        Targets(element, "dependsOn", from, SbomEdgeKind.DependsOn, builder);
        Targets(element, "provides", from, SbomEdgeKind.Provides, builder);
    }

    /// <summary>Reads <c>metadata</c>: tools and subject; returns the subject (not added to the components).</summary>
    public static SbomComponent? Metadata(JsonElement metadata, SbomBuilder builder, out DateTimeOffset? created)
    {
        created = SbomBuilder.Timestamp(Text(metadata, "timestamp"));
        if (metadata.TryGetProperty("tools", out var tools))
        {
            // 1.2–1.4: an array of {vendor, name, version}; 1.5+: an object of components and services.
            if (tools.ValueKind == JsonValueKind.Array)
                AddTools(tools, builder);
            else if (tools.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in tools.EnumerateObject())
                {
                    if (part.Value.ValueKind == JsonValueKind.Array)
                        AddTools(part.Value, builder);
                }
            }
        }
        if (metadata.TryGetProperty("component", out var subject) && subject.ValueKind == JsonValueKind.Object)
        {
            var component = Component(subject, builder, "metadata.component", add: false);
            if (component.Id is not null)
                builder.Roots.Add(component.Id);
            return component;
        }
        return null;
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static void AddTools(JsonElement tools, SbomBuilder builder)
    {
        foreach (var tool in tools.EnumerateArray())
        {
            var name = Text(tool, "name");
            if (name is null)
                continue;
            var version = Text(tool, "version");
            builder.Tools.Add(version is null ? name : $"{name} {version}");
        }
    }

    private static void Targets(JsonElement element, string property, string from, SbomEdgeKind kind, SbomBuilder builder)
    {
        if (!element.TryGetProperty(property, out var targets) || targets.ValueKind != JsonValueKind.Array)
            return;
        foreach (var target in targets.EnumerateArray())
        {
            if (target.ValueKind == JsonValueKind.String && target.GetString() is { } to)
                builder.Edge(from, to, kind, property);
        }
    }

    private static string? Supplier(JsonElement element)
    {
        foreach (var organisation in (ReadOnlySpan<string>)["supplier", "manufacturer"])
        {
            if (element.TryGetProperty(organisation, out var entity) && entity.ValueKind == JsonValueKind.Object && Text(entity, "name") is { Length: > 0 } name)
                return name;
        }
        return Text(element, "publisher") is { Length: > 0 } publisher ? publisher : null;
    }

    private static SbomLicence[] Licences(JsonElement element, StringPool strings)
    {
        if (!element.TryGetProperty("licenses", out var licences) || licences.ValueKind != JsonValueKind.Array || licences.GetArrayLength() == 0)
            return [];
        var result = new List<SbomLicence>(licences.GetArrayLength());
        foreach (var choice in licences.EnumerateArray())
        {
            var concluded = Text(choice, "acknowledgement") == "concluded";
            if (Text(choice, "expression") is { Length: > 0 } expression)
            {
                result.Add(new SbomLicence(strings.Share(expression)!, SbomLicenceKind.Expression, concluded));
            }
            else if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("license", out var licence))
            {
                concluded |= Text(licence, "acknowledgement") == "concluded";
                if (Text(licence, "id") is { Length: > 0 } id)
                    result.Add(new SbomLicence(strings.Share(id)!, SbomLicenceKind.Id, concluded));
                else if (Text(licence, "name") is { Length: > 0 } name)
                    result.Add(new SbomLicence(strings.Share(name)!, SbomLicenceKind.Name, concluded));
            }
        }
        return [.. result];
    }

    private static SbomHash[] Hashes(JsonElement element, StringPool strings)
    {
        if (!element.TryGetProperty("hashes", out var hashes) || hashes.ValueKind != JsonValueKind.Array || hashes.GetArrayLength() == 0)
            return [];
        var result = new List<SbomHash>(hashes.GetArrayLength());
        foreach (var hash in hashes.EnumerateArray())
        {
            if (Text(hash, "alg") is { } algorithm && Text(hash, "content") is { } content)
                result.Add(new SbomHash(strings.Share(algorithm)!, content));
        }
        return [.. result];
    }
}
