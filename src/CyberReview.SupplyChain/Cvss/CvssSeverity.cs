namespace CyberReview.SupplyChain.Cvss;

/// <summary>The qualitative severity rating of a CVSS score, the same scale in v3.x and v4.0.</summary>
public enum CvssSeverity
{
    /// <summary>0.0.</summary>
    None,

    /// <summary>0.1–3.9.</summary>
    Low,

    /// <summary>4.0–6.9.</summary>
    Medium,

    /// <summary>7.0–8.9.</summary>
    High,

    /// <summary>9.0–10.0.</summary>
    Critical,
}
