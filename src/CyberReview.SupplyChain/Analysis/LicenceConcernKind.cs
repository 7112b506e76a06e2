namespace CyberReview.SupplyChain.Analysis;

/// <summary>Why a component's licensing is a concern.</summary>
public enum LicenceConcernKind
{
    /// <summary>The SBOM states no licence (or only NOASSERTION/NONE).</summary>
    NoLicence,

    /// <summary>A licence the policy denies.</summary>
    Denied,

    /// <summary>A licence the policy puts up for review.</summary>
    ForReview,
}
