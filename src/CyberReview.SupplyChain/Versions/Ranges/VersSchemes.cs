namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>The vers versioning schemes this library can order, by scheme name (purl types, plus "semver", "lexicographic" and "datetime").</summary>
public static class VersSchemes
{
    /// <summary>The ordering of a vers scheme, or null when it is not implemented (e.g. "conan", "gentoo", "openssl").</summary>
    public static VersionOrdering? OrderingOf(string scheme) => scheme switch
    {
        "semver" => VersionOrdering.SemVer,
        "lexicographic" => VersionOrdering.Lexicographic,
        "datetime" => VersionOrdering.DateTime,
        "alpine" => VersionOrdering.Apk,
        "debian" => VersionOrdering.Dpkg,
        _ => Ecosystem.TryFromPurlType(scheme, out var ecosystem) ? ecosystem.Ordering : null,
    };
}
