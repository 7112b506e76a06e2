using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// A component that advisories name but whose version cannot be compared with their ranges: it may be affected, so it
/// is reported, never dropped.
/// </summary>
/// <param name="Component">The component.</param>
/// <param name="AdvisoryIds">The advisories that name its package, in id order.</param>
/// <param name="Reason">Why its version cannot be compared (absent, or not a version of its ecosystem, and why).</param>
public sealed record UnknownVersion(SbomComponent Component, IReadOnlyList<string> AdvisoryIds, string Reason);
