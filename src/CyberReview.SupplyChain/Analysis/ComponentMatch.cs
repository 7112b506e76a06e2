using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>What the advisories say about one component.</summary>
/// <param name="Component">The component.</param>
/// <param name="Matches">The advisories that affect its version, one per advisory id.</param>
/// <param name="Unknown">Set when some advisories name its package but its version cannot be compared with them.</param>
public sealed record ComponentMatch(SbomComponent Component, IReadOnlyList<AdvisoryMatch> Matches, UnknownVersion? Unknown)
{
    /// <summary>Whether nothing was found.</summary>
    public bool IsClean => Matches.Count == 0 && Unknown is null;
}
