namespace CyberReview.SupplyChain.Sboms;

/// <summary>A digest of a component.</summary>
/// <param name="Algorithm">The algorithm as the standard names it, upper case: <c>SHA-256</c> (CycloneDX), <c>SHA256</c> (SPDX).</param>
/// <param name="Value">The digest, hexadecimal as written.</param>
public readonly record struct SbomHash(string Algorithm, string Value);
