namespace CyberReview.SupplyChain.Advisories;

/// <summary>How the versions of an OSV range are ordered.</summary>
public enum RangeType
{
    /// <summary>Semantic Versioning 2.0 precedence.</summary>
    Semver,

    /// <summary>The ecosystem's own version ordering (PEP 440, Maven, Debian…).</summary>
    Ecosystem,

    /// <summary>Commit hashes of a Git repository, ordered by the commit graph.</summary>
    Git,
}
