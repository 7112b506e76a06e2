namespace CyberReview.SupplyChain.Analysis;

/// <summary>How severe a finding is, on the CVSS qualitative scale, with a place for severities nobody has rated.</summary>
/// <remarks>Ordered: a higher value is more severe, except <see cref="Unknown"/>, which is below <see cref="None"/> only in value.</remarks>
public enum SeverityRating
{
    /// <summary>The advisory gives no CVSS vector and no severity word that reads.</summary>
    Unknown,

    /// <summary>0.0.</summary>
    None,

    /// <summary>0.1–3.9, or a database's "low".</summary>
    Low,

    /// <summary>4.0–6.9, or a database's "medium"/"moderate".</summary>
    Medium,

    /// <summary>7.0–8.9, or a database's "high".</summary>
    High,

    /// <summary>9.0–10.0, or a database's "critical".</summary>
    Critical,
}
