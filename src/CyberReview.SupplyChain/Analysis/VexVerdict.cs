using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>The VEX statement applied to a finding.</summary>
/// <param name="Status">What it says.</param>
/// <param name="Justification">Why not affected, as the statement words it; null when it gives none.</param>
/// <param name="ImpactStatement">Its impact statement or detail, or null.</param>
/// <param name="ActionStatement">What it says to do, or null.</param>
/// <param name="VulnerabilityId">The vulnerability id the statement names.</param>
public sealed record VexVerdict(VexStatus Status, string? Justification, string? ImpactStatement, string? ActionStatement, string VulnerabilityId)
{
    /// <summary>Whether the statement settles the finding: not affected, or fixed in this product.</summary>
    public bool Suppresses => Status is VexStatus.NotAffected or VexStatus.Fixed;
}
