namespace CyberReview.Reviews.Sboms;

/// <summary>What an SBOM analysis proposes as a finding in risk area 2 (Art. 4(2)).</summary>
public enum ProposalKind
{
    /// <summary>A component affected by a known advisory.</summary>
    Vulnerability,

    /// <summary>Components whose supplier (and so origin) the SBOM does not name.</summary>
    NoSupplier,

    /// <summary>Components without a licence, or with a licence the policy denies or wants reviewed.</summary>
    Licence,

    /// <summary>A dependency graph deeper than the review accepts without explanation.</summary>
    DependencyDepth,
}
