namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// The seven components of a package URL, in the order they are written:
/// <c>scheme:type/namespace/name@version?qualifiers#subpath</c>.
/// </summary>
public enum PackageUrlComponent
{
    /// <summary>The constant <c>pkg</c> before the first colon.</summary>
    Scheme = 0,

    /// <summary>The package type, such as <c>npm</c> or <c>maven</c>.</summary>
    Type,

    /// <summary>The optional name prefix, such as a Maven group id or an npm scope.</summary>
    Namespace,

    /// <summary>The package name.</summary>
    Name,

    /// <summary>The optional package version.</summary>
    Version,

    /// <summary>The optional <c>key=value</c> pairs after <c>?</c>.</summary>
    Qualifiers,

    /// <summary>The optional path inside the package after <c>#</c>.</summary>
    Subpath,
}
