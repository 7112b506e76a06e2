using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// What every reader fills while it reads: components, edges, roots and diagnostics, with the shared checks
/// (component limit, purl parsing, string sharing) in one place.
/// </summary>
internal sealed class SbomBuilder(SbomReadOptions options)
{
    public StringPool Strings { get; } = new();
    public List<SbomComponent> Components { get; } = [];
    public List<SbomEdge> Edges { get; } = [];
    public List<string> Roots { get; } = [];
    public List<SbomDiagnostic> Diagnostics { get; } = [];
    public List<string> Tools { get; } = [];

    public void Add(SbomComponent component)
    {
        if (Components.Count >= options.MaxComponents)
            throw new SbomFormatException(SbomRefusal.TooLarge, $"The document has more than {options.MaxComponents:N0} components, the limit.");
        Components.Add(component);
    }

    public void Edge(string from, string to, SbomEdgeKind kind, string relationship) =>
        Edges.Add(new SbomEdge(Strings.Share(from)!, Strings.Share(to)!, kind, Strings.Share(relationship)!));

    public void Diagnose(string location, string message) => Diagnostics.Add(new SbomDiagnostic(location, message));

    /// <summary>The parsed purl, or null with a diagnostic when it does not parse (the component is kept).</summary>
    public PackageUrl? Purl(string? text, string location)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return PackageUrl.Parse(text);
        }
        catch (PackageUrlFormatException e)
        {
            Diagnose(location, $"The purl '{text}' does not parse: {e.Message}");
            return null;
        }
    }

    public Sbom Build(SbomFormat format, SbomSyntax syntax, string specVersion, string? name, string? serial, DateTimeOffset? created, SbomComponent? subject) =>
        new()
        {
            Format = format,
            Syntax = syntax,
            SpecVersion = specVersion,
            Name = name,
            SerialNumber = serial,
            Created = created,
            Tools = [.. Tools],
            Subject = subject,
            Components = [.. Components],
            Edges = [.. Edges],
            Roots = [.. Roots.Distinct(StringComparer.Ordinal)],
            Diagnostics = [.. Diagnostics],
        };

    public static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
