namespace CyberReview.SupplyChain.Vex;

/// <summary>
/// Versions of a product a CycloneDX statement is limited to (<c>affects[].versions[]</c>), kept as plain data for the
/// version rules to evaluate: an exact version or a <c>vers:</c> range, and that version's own status.
/// </summary>
/// <param name="Version">An exact version, or null.</param>
/// <param name="Range">A version range in vers syntax (<c>vers:semver/&gt;=2.0.0|&lt;=2.7.0</c>), or null.</param>
/// <param name="Status">The CycloneDX status of these versions: <c>affected</c>, <c>unaffected</c> or <c>unknown</c>.</param>
public sealed record VexProductVersion(string? Version, string? Range, string Status);
