using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Cvss;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// The severity of an advisory for one package: the highest CVSS base score among its v3 and v4 vectors (the advisory's
/// and the affected package's own), computed from the vectors; where no vector reads, the database's own word.
/// </summary>
/// <param name="Rating">The rating.</param>
/// <param name="Score">The highest CVSS base score, or null when no vector reads.</param>
/// <param name="Vector">The vector that gave <paramref name="Score"/>, or null.</param>
/// <param name="Source">
/// Where the rating comes from: <c>CVSS_V3</c>, <c>CVSS_V4</c>, <c>database</c> (the database's word), <c>Ubuntu</c>, or
/// <c>none</c>; prefixed by another record's id (<c>GHSA-69ch-w2m2-3vjp CVSS_V3</c>) when the advisory rates nothing
/// and an alias of it in the same index does (see <see cref="AdvisoryMatcher"/>).
/// </param>
public readonly record struct FindingSeverity(SeverityRating Rating, double? Score, string? Vector, string Source)
{
    /// <summary>No severity given.</summary>
    public static FindingSeverity Unknown { get; } = new(SeverityRating.Unknown, null, null, "none");

    /// <summary>The severity of <paramref name="advisory"/> for <paramref name="package"/>.</summary>
    /// <param name="advisory">The advisory.</param>
    /// <param name="package">One of its affected entries, whose own severities count too; null for the advisory alone.</param>
    public static FindingSeverity Of(Advisory advisory, AffectedPackage? package)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        CvssVector? best = null;
        string? bestType = null;
        string? word = null;
        foreach (var severity in package is null ? advisory.Severities : advisory.Severities.Concat(package.Severities))
        {
            if (severity.Cvss is { } vector)
            {
                if (best is null || vector.BaseScore > best.BaseScore)
                    (best, bestType) = (vector, severity.Type);
            }
            else if (severity.Type == "Ubuntu")
            {
                word ??= severity.Score;
            }
        }
        if (best is not null)
            return new FindingSeverity(Rate(best.Severity), best.BaseScore, best.Text, bestType!);
        if (advisory.DatabaseSeverity is { } database && FromWord(database) is { } rated)
            return new FindingSeverity(rated, null, null, "database");
        if (word is not null && FromWord(word) is { } ubuntu)
            return new FindingSeverity(ubuntu, null, null, "Ubuntu");
        return Unknown;
    }

    /// <summary>The rating of a database's severity word (GHSA, RustSec, Ubuntu, Red Hat wording), or null when it is none of them.</summary>
    /// <param name="word">The word, any case.</param>
    public static SeverityRating? FromWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Trim().ToUpperInvariant() switch
        {
            "CRITICAL" => SeverityRating.Critical,
            "HIGH" or "IMPORTANT" => SeverityRating.High,
            "MEDIUM" or "MODERATE" => SeverityRating.Medium,
            "LOW" or "NEGLIGIBLE" => SeverityRating.Low,
            "NONE" or "INFORMATIONAL" => SeverityRating.None,
            _ => null,
        };
    }

    private static SeverityRating Rate(CvssSeverity severity) => severity switch
    {
        CvssSeverity.None => SeverityRating.None,
        CvssSeverity.Low => SeverityRating.Low,
        CvssSeverity.Medium => SeverityRating.Medium,
        CvssSeverity.High => SeverityRating.High,
        CvssSeverity.Critical => SeverityRating.Critical,
    };
}
