namespace CyberReview.SupplyChain.Cvss;

/// <summary>The CVSS version a vector declares in its prefix.</summary>
public enum CvssVersion
{
    /// <summary>CVSS v3.0 (<c>CVSS:3.0/</c>).</summary>
    Cvss30,

    /// <summary>CVSS v3.1 (<c>CVSS:3.1/</c>).</summary>
    Cvss31,

    /// <summary>CVSS v4.0 (<c>CVSS:4.0/</c>).</summary>
    Cvss40,
}
