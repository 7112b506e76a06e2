using CyberReview.Reviews.Findings;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>Settings of the supply-chain feature (section "SupplyChain").</summary>
public sealed class SupplyChainOptions
{
    public const string Section = "SupplyChain";

    /// <summary>Monitoring raises an alert for an advisory newly affecting a published product at or above this severity.</summary>
    public Severity AlertSeverity { get; set; } = Severity.High;

    /// <summary>How long an analysis may stay Running before another worker (after a crash) may take it over.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}
