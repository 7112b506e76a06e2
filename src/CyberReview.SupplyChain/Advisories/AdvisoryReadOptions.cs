namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// How strictly advisories are judged, and bounds on what reading them may cost, so that a hostile file or archive
/// is refused instead of exhausting memory or time. The bounds' defaults take every published OSV export
/// (osv.dev's per-ecosystem all.zip).
/// </summary>
public sealed record AdvisoryReadOptions
{
    /// <summary>The defaults: import as osv.dev does (linter findings reported, not refused).</summary>
    public static readonly AdvisoryReadOptions Default = new();

    /// <summary>The OSV linter's view: a finding of any refusable linter rule refuses the record.</summary>
    public static readonly AdvisoryReadOptions Lint = new() { RefuseLintFindings = true };

    /// <summary>
    /// Whether a finding of a linter quality rule (REC:002–004, RNG:001–002, PKG:003) refuses the record. Off by
    /// default: published databases hold records that break them (duplicate aliases in the Go vulndb, a version both
    /// fixed and re-introduced in RustSec and PyPA) and are still right about what is affected, which is why osv.dev
    /// imports such records and only records the finding.
    /// </summary>
    public bool RefuseLintFindings { get; init; }

    /// <summary>The largest single record, in bytes (uncompressed); larger ones are refused.</summary>
    public long MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays in a record.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The most entries a zip archive may list.</summary>
    public int MaxArchiveEntries { get; init; } = 1_000_000;

    /// <summary>The most bytes all entries of a zip archive may expand to.</summary>
    public long MaxArchiveExpandedBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>The highest ratio of expanded to compressed size an entry may have (a zip bomb has thousands).</summary>
    public int MaxCompressionRatio { get; init; } = 200;
}
