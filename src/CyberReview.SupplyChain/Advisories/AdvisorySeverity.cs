using CyberReview.SupplyChain.Cvss;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>One severity of an OSV advisory.</summary>
/// <param name="Type">The scoring system as written: <c>CVSS_V2</c>, <c>CVSS_V3</c>, <c>CVSS_V4</c>, <c>Ubuntu</c>…</param>
/// <param name="Score">The score, for CVSS types a vector string.</param>
public sealed record AdvisorySeverity(string Type, string Score)
{
    /// <summary>The CVSS vector of a <c>CVSS_V3</c> or <c>CVSS_V4</c> severity; null for other types or a vector that does not parse.</summary>
    public CvssVector? Cvss => Type is "CVSS_V3" or "CVSS_V4" && CvssVector.TryParse(Score, out var vector) ? vector : null;
}
