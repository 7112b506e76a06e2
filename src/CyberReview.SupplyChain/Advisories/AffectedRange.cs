namespace CyberReview.SupplyChain.Advisories;

/// <summary>One range of an affected package: events in the order the advisory lists them.</summary>
/// <param name="Type">How the range's versions are ordered.</param>
/// <param name="Repository">The repository URL of a GIT range; null for the others.</param>
/// <param name="Events">The events, never empty for a validated advisory.</param>
public sealed record AffectedRange(RangeType Type, string? Repository, IReadOnlyList<RangeEvent> Events);
