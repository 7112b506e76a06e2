namespace CyberReview.SupplyChain.Advisories;

/// <summary>One severity of an OSV advisory.</summary>
/// <param name="Type">The scoring system as written: <c>CVSS_V2</c>, <c>CVSS_V3</c>, <c>CVSS_V4</c>, <c>Ubuntu</c>…</param>
/// <param name="Score">The score, for CVSS types a vector string.</param>
public sealed record AdvisorySeverity(string Type, string Score);
