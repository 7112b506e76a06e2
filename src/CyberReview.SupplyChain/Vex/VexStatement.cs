namespace CyberReview.SupplyChain.Vex;

/// <summary>One VEX statement: the status of one vulnerability in some products, whatever the format it was read from.</summary>
/// <param name="VulnerabilityId">The vulnerability, e.g. <c>CVE-2021-44228</c>.</param>
/// <param name="Aliases">Other identifiers of the same vulnerability.</param>
/// <param name="Products">The products it is about (never empty).</param>
/// <param name="Status">What it says.</param>
/// <param name="Justification">Why not affected, as the format words it (OpenVEX and CSAF: <c>vulnerable_code_not_present</c>…; CycloneDX: <c>code_not_reachable</c>…); null when none is given.</param>
/// <param name="ImpactStatement">Free text on the impact or why not affected (OpenVEX impact_statement, CycloneDX analysis detail, CSAF impact threat).</param>
/// <param name="ActionStatement">Free text on what to do (OpenVEX action_statement, CycloneDX responses, CSAF remediations).</param>
/// <param name="Timestamp">When the statement was made, or null when the document does not say.</param>
public sealed record VexStatement(
    string VulnerabilityId,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<VexProduct> Products,
    VexStatus Status,
    string? Justification,
    string? ImpactStatement,
    string? ActionStatement,
    DateTimeOffset? Timestamp);
