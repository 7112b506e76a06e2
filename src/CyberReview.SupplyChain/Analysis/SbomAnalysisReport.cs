using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>What the analysis of one SBOM found. Findings are ordered by severity (highest first), then purl, then advisory id.</summary>
/// <param name="Sbom">The SBOM analysed.</param>
/// <param name="Findings">Every component × advisory that affects it, VEX applied (suppressed findings are kept, with their verdict).</param>
/// <param name="UnknownVersions">Components that advisories name but whose version cannot be compared.</param>
/// <param name="Facts">Supply-chain facts of the SBOM.</param>
/// <param name="AdvisoryCount">How many advisories the index held.</param>
public sealed record SbomAnalysisReport(
    Sbom Sbom,
    IReadOnlyList<VulnerabilityFinding> Findings,
    IReadOnlyList<UnknownVersion> UnknownVersions,
    SupplyChainFacts Facts,
    int AdvisoryCount)
{
    /// <summary>The findings no VEX statement settles.</summary>
    public IEnumerable<VulnerabilityFinding> Remaining => Findings.Where(f => f.Remains);

    /// <summary>How many findings remain at or above <paramref name="threshold"/> (unrated findings count, see <see cref="VulnerabilityFinding.RemainsAtOrAbove"/>).</summary>
    /// <param name="threshold">The lowest rating that counts.</param>
    public int CountRemainingAtOrAbove(SeverityRating threshold) => Findings.Count(f => f.RemainsAtOrAbove(threshold));
}
