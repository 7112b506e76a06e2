namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// The ecosystem names the OSV schema accepts (its <c>ecosystemWithSuffix</c> pattern, schema of osv-schema 2026-07),
/// spelled as the schema spells them. An ecosystem may carry a suffix after ':' (<c>Debian:11</c>, <c>Alpine:v3.18</c>).
/// </summary>
public static class OsvEcosystems
{
    private static readonly HashSet<string> NameSet = new(StringComparer.Ordinal)
    {
        "AlmaLinux", "Alpaquita", "Alpine", "Android", "Azure Linux", "BellSoft Hardened Containers", "Bioconductor",
        "Bitnami", "Chainguard", "CleanStart", "ConanCenter", "CRAN", "crates.io", "Debian", "Docker Hardened Images",
        "Echo", "FreeBSD", "GHC", "GitHub Actions", "Go", "Hackage", "Hex", "Julia", "Kubernetes", "Linux", "Mageia",
        "Maven", "MinimOS", "npm", "NuGet", "opam", "openEuler", "openSUSE", "OSS-Fuzz", "Packagist", "Photon OS", "Pub",
        "PyPI", "Red Hat", "Rocky Linux", "Root", "RubyGems", "SUSE", "SwiftURL", "TuxCare", "Ubuntu", "VSCode", "Wolfi",
        "GIT",
    };

    /// <summary>The names, case as in the schema.</summary>
    public static IReadOnlySet<string> Names => NameSet;

    /// <summary>The schema's own string for an ecosystem written exactly so, shared by every record that names it.</summary>
    internal static bool TryGetShared(string ecosystem, out string shared) => NameSet.TryGetValue(ecosystem, out shared!);

    /// <summary>Whether <paramref name="ecosystem"/> (with or without a suffix) is one the schema accepts.</summary>
    /// <param name="ecosystem">The ecosystem as written in a record.</param>
    public static bool IsKnown(string ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? Names.Contains(ecosystem) : colon < ecosystem.Length - 1 && Names.Contains(ecosystem[..colon]);
    }
}
