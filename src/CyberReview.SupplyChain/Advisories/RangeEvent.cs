namespace CyberReview.SupplyChain.Advisories;

/// <summary>One event of an OSV range, kept as plain data: the range evaluator of the version rules reads it.</summary>
/// <param name="Kind">What the event says about <paramref name="Value"/>.</param>
/// <param name="Value">The version or commit, exactly as written in the advisory.</param>
public readonly record struct RangeEvent(RangeEventKind Kind, string Value);
