namespace CyberReview.SupplyChain.Sboms;

/// <summary>Limits and choices for <see cref="SbomReader"/>. The defaults suit untrusted uploads.</summary>
public sealed record SbomReadOptions
{
    /// <summary>The defaults.</summary>
    public static SbomReadOptions Default { get; } = new();

    /// <summary>The deepest nesting of JSON objects/arrays or XML elements accepted (default 64).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The most components (nested ones included) accepted (default 1,000,000).</summary>
    public int MaxComponents { get; init; } = 1_000_000;

    /// <summary>The most bytes read, after decompression (default 1 GiB). Guards against gzip bombs too.</summary>
    public long MaxBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Whether CycloneDX documents are checked against the published schema of their version, and what a fault
    /// does (default: refuse the document, see <see cref="SbomSchemaCheck"/>).
    /// </summary>
    public SbomSchemaCheck Schema { get; init; } = SbomSchemaCheck.Refuse;
}
