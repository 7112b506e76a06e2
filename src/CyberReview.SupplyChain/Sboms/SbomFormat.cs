namespace CyberReview.SupplyChain.Sboms;

/// <summary>The SBOM standard a document follows.</summary>
public enum SbomFormat
{
    /// <summary>OWASP CycloneDX (ECMA-424).</summary>
    CycloneDx,

    /// <summary>SPDX (ISO/IEC 5962 for 2.2; 2.3 and 3.0 from the Linux Foundation).</summary>
    Spdx,
}
