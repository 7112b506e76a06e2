using CyberReview.Reviews.Findings;
using CyberReview.SupplyChain.Analysis;

namespace CyberReview.Data.Sboms;

/// <summary>An advisory's rating as a finding's severity.</summary>
public static class SeverityRatings
{
    /// <summary>Critical, High and Medium carry over; Low and None are Low; an unrated advisory counts as Medium, neither dismissed nor alarming.</summary>
    public static Severity ToSeverity(SeverityRating rating) => rating switch
    {
        SeverityRating.Critical => Severity.Critical,
        SeverityRating.High => Severity.High,
        SeverityRating.Medium or SeverityRating.Unknown => Severity.Medium,
        SeverityRating.Low or SeverityRating.None => Severity.Low,
    };
}
