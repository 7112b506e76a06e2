namespace CyberReview.SupplyChain.Advisories;

/// <summary>One affected entry found in an <see cref="AdvisoryIndex"/>: the package entry and the advisory that holds it.</summary>
/// <param name="Advisory">The advisory.</param>
/// <param name="Package">Its entry for the package looked up; its ranges and versions decide whether a version is affected.</param>
public readonly record struct AffectedEntry(Advisory Advisory, AffectedPackage Package);
