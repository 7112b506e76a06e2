namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// Shares equal strings within one document (ids used by components and edges, licence ids, algorithms,
/// suppliers), so a large SBOM's model holds each once.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string? Share(string? value)
    {
        if (value is null)
            return null;
        if (_strings.TryGetValue(value, out var shared))
            return shared;
        _strings.Add(value, value);
        return value;
    }
}
