namespace CyberReview.SupplyChain.Vex;

/// <summary>What a VEX statement says about a vulnerability in a product (the OpenVEX statuses, which the other formats map to).</summary>
public enum VexStatus
{
    /// <summary>The product is not affected (CycloneDX not_affected and false_positive, CSAF known_not_affected).</summary>
    NotAffected,

    /// <summary>The product is affected (CycloneDX exploitable, CSAF known_affected, first_affected, last_affected).</summary>
    Affected,

    /// <summary>The product contains a fix (CycloneDX resolved and resolved_with_pedigree, CSAF fixed and first_fixed).</summary>
    Fixed,

    /// <summary>Not known yet (CycloneDX in_triage, CSAF under_investigation).</summary>
    UnderInvestigation,
}
