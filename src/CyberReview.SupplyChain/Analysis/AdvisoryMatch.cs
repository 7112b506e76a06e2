using CyberReview.SupplyChain.Advisories;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>An advisory that affects a component's version, before VEX is applied.</summary>
/// <param name="Advisory">The advisory.</param>
/// <param name="Severity">Its severity for the component's package.</param>
/// <param name="FixedVersions">The versions that fix it, from the "fixed" events of the ranges that hold the component's version (every range's when only the explicit version list matched), in the order given.</param>
public sealed record AdvisoryMatch(Advisory Advisory, FindingSeverity Severity, IReadOnlyList<string> FixedVersions);
