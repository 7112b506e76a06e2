namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Maps SPDX relationship types (2.x upper snake case and 3.0 camel case) to the model's edge kinds,
/// turning the "…_OF" and "…_BY" ones around so that edges point from the dependent to what it needs.
/// </summary>
internal static class SpdxRelationships
{
    public static void Add(SbomBuilder builder, string from, string type, string to, string documentId)
    {
        var (kind, reversed) = Classify(type);
        var (source, target) = reversed ? (to, from) : (from, to);
        builder.Edge(source, target, kind, type);
        if (kind == SbomEdgeKind.Describes && source == documentId)
            builder.Roots.Add(builder.Strings.Share(target)!);
    }

    public static (SbomEdgeKind Kind, bool Reversed) Classify(string type)
    {
        var normal = type.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
        return normal switch
        {
            "DEPENDSON" or "HASPREREQUISITE" or "DYNAMICLINK" or "STATICLINK" => (SbomEdgeKind.DependsOn, false),
            "PREREQUISITEFOR" => (SbomEdgeKind.DependsOn, true),
            _ when normal.EndsWith("DEPENDENCYOF", StringComparison.Ordinal) => (SbomEdgeKind.DependsOn, true),
            // SPDX 3.0 names its dependency kinds hasDynamicLink, hasOptionalDependency, hasProvidedDependency…
            _ when normal.StartsWith("HAS", StringComparison.Ordinal) && (normal.EndsWith("DEPENDENCY", StringComparison.Ordinal) || normal.EndsWith("LINK", StringComparison.Ordinal)) => (SbomEdgeKind.DependsOn, false),
            "CONTAINS" => (SbomEdgeKind.Contains, false),
            "CONTAINEDBY" or "PACKAGEOF" => (SbomEdgeKind.Contains, true),
            "DESCRIBES" => (SbomEdgeKind.Describes, false),
            "DESCRIBEDBY" => (SbomEdgeKind.Describes, true),
            _ => (SbomEdgeKind.Other, false),
        };
    }
}
