using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>The words the written reports use for ratings and statuses: fixed, lower case, independent of enum names.</summary>
public static class ReportNames
{
    /// <summary><c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>, <c>none</c> or <c>unknown</c>.</summary>
    /// <param name="rating">The rating.</param>
    public static string Of(SeverityRating rating) => rating switch
    {
        SeverityRating.Unknown => "unknown",
        SeverityRating.None => "none",
        SeverityRating.Low => "low",
        SeverityRating.Medium => "medium",
        SeverityRating.High => "high",
        SeverityRating.Critical => "critical",
    };

    /// <summary>The OpenVEX status: <c>not_affected</c>, <c>affected</c>, <c>fixed</c> or <c>under_investigation</c>.</summary>
    /// <param name="status">The status.</param>
    public static string Of(VexStatus status) => status switch
    {
        VexStatus.NotAffected => "not_affected",
        VexStatus.Affected => "affected",
        VexStatus.Fixed => "fixed",
        VexStatus.UnderInvestigation => "under_investigation",
    };

    /// <summary><c>no_licence</c>, <c>denied</c> or <c>for_review</c>.</summary>
    /// <param name="kind">The concern.</param>
    public static string Of(LicenceConcernKind kind) => kind switch
    {
        LicenceConcernKind.NoLicence => "no_licence",
        LicenceConcernKind.Denied => "denied",
        LicenceConcernKind.ForReview => "for_review",
    };

    /// <summary>Reads a rating word as <see cref="Of(SeverityRating)"/> writes it (any case); null when it is none.</summary>
    /// <param name="word">The word.</param>
    public static SeverityRating? ParseRating(string? word) => word?.ToUpperInvariant() switch
    {
        "CRITICAL" => SeverityRating.Critical,
        "HIGH" => SeverityRating.High,
        "MEDIUM" => SeverityRating.Medium,
        "LOW" => SeverityRating.Low,
        "NONE" => SeverityRating.None,
        _ => null,
    };
}
