using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// A package ecosystem as OSV names it, with the purl type that names its packages and the rules that order its
/// versions. Only ecosystems whose ordering is implemented exist here: there is no generic fallback.
/// </summary>
public sealed class Ecosystem
{
    private Ecosystem(string osvName, string? purlType, VersionOrdering ordering)
    {
        OsvName = osvName;
        PurlType = purlType;
        Ordering = ordering;
    }

    /// <summary>npm (node-semver).</summary>
    public static Ecosystem Npm { get; } = new("npm", "npm", VersionOrdering.SemVer);

    /// <summary>PyPI (PEP 440).</summary>
    public static Ecosystem PyPI { get; } = new("PyPI", "pypi", VersionOrdering.Pep440);

    /// <summary>Maven (ComparableVersion).</summary>
    public static Ecosystem Maven { get; } = new("Maven", "maven", VersionOrdering.Maven);

    /// <summary>NuGet.</summary>
    public static Ecosystem NuGet { get; } = new("NuGet", "nuget", VersionOrdering.NuGet);

    /// <summary>Go modules (SemVer with a "v" prefix; "+incompatible" is build metadata; pseudo-versions are prereleases).</summary>
    public static Ecosystem Go { get; } = new("Go", "golang", VersionOrdering.SemVer);

    /// <summary>crates.io (SemVer).</summary>
    public static Ecosystem CratesIo { get; } = new("crates.io", "cargo", VersionOrdering.SemVer);

    /// <summary>RubyGems (Gem::Version).</summary>
    public static Ecosystem RubyGems { get; } = new("RubyGems", "gem", VersionOrdering.RubyGems);

    /// <summary>Packagist (Composer).</summary>
    public static Ecosystem Packagist { get; } = new("Packagist", "composer", VersionOrdering.Composer);

    /// <summary>Pub (Dart).</summary>
    public static Ecosystem Pub { get; } = new("Pub", "pub", VersionOrdering.Pub);

    /// <summary>Hex (Erlang and Elixir; SemVer).</summary>
    public static Ecosystem Hex { get; } = new("Hex", "hex", VersionOrdering.SemVer);

    /// <summary>CRAN (R).</summary>
    public static Ecosystem Cran { get; } = new("CRAN", "cran", VersionOrdering.Cran);

    /// <summary>Hackage (Haskell).</summary>
    public static Ecosystem Hackage { get; } = new("Hackage", "hackage", VersionOrdering.Hackage);

    /// <summary>SwiftURL (Swift packages; SemVer).</summary>
    public static Ecosystem SwiftUrl { get; } = new("SwiftURL", "swift", VersionOrdering.SemVer);

    /// <summary>Bitnami (SemVer).</summary>
    public static Ecosystem Bitnami { get; } = new("Bitnami", "bitnami", VersionOrdering.SemVer);

    /// <summary>Debian (dpkg).</summary>
    public static Ecosystem Debian { get; } = new("Debian", "deb", VersionOrdering.Dpkg);

    /// <summary>Ubuntu (dpkg; its purls use the "deb" type too).</summary>
    public static Ecosystem Ubuntu { get; } = new("Ubuntu", null, VersionOrdering.Dpkg);

    /// <summary>Alpine (apk).</summary>
    public static Ecosystem Alpine { get; } = new("Alpine", "apk", VersionOrdering.Apk);

    /// <summary>Wolfi (apk).</summary>
    public static Ecosystem Wolfi { get; } = new("Wolfi", null, VersionOrdering.Apk);

    /// <summary>Chainguard (apk).</summary>
    public static Ecosystem Chainguard { get; } = new("Chainguard", null, VersionOrdering.Apk);

    /// <summary>Red Hat (RPM).</summary>
    public static Ecosystem RedHat { get; } = new("Red Hat", "rpm", VersionOrdering.Rpm);

    /// <summary>Rocky Linux (RPM).</summary>
    public static Ecosystem RockyLinux { get; } = new("Rocky Linux", null, VersionOrdering.Rpm);

    /// <summary>AlmaLinux (RPM).</summary>
    public static Ecosystem AlmaLinux { get; } = new("AlmaLinux", null, VersionOrdering.Rpm);

    /// <summary>SUSE (RPM).</summary>
    public static Ecosystem Suse { get; } = new("SUSE", null, VersionOrdering.Rpm);

    /// <summary>openSUSE (RPM).</summary>
    public static Ecosystem OpenSuse { get; } = new("openSUSE", null, VersionOrdering.Rpm);

    /// <summary>Mageia (RPM).</summary>
    public static Ecosystem Mageia { get; } = new("Mageia", null, VersionOrdering.Rpm);

    /// <summary>openEuler (RPM).</summary>
    public static Ecosystem OpenEuler { get; } = new("openEuler", null, VersionOrdering.Rpm);

    /// <summary>Azure Linux (RPM).</summary>
    public static Ecosystem AzureLinux { get; } = new("Azure Linux", null, VersionOrdering.Rpm);

    /// <summary>MinimOS (apk).</summary>
    public static Ecosystem MinimOS { get; } = new("MinimOS", null, VersionOrdering.Apk);

    /// <summary>Photon OS (RPM).</summary>
    public static Ecosystem PhotonOS { get; } = new("Photon OS", null, VersionOrdering.Rpm);

    /// <summary>Every ecosystem whose ordering is implemented.</summary>
    public static IReadOnlyList<Ecosystem> All { get; } =
    [
        Npm, PyPI, Maven, NuGet, Go, CratesIo, RubyGems, Packagist, Pub, Hex, Cran, Hackage, SwiftUrl, Bitnami,
        Debian, Ubuntu, Alpine, Wolfi, Chainguard, MinimOS, RedHat, RockyLinux, AlmaLinux, Suse, OpenSuse, Mageia, OpenEuler,
        AzureLinux, PhotonOS,
    ];

    private static readonly FrozenDictionary<string, Ecosystem> ByOsvName = All.ToFrozenDictionary(e => e.OsvName, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Ecosystem> ByPurlType = All.Where(e => e.PurlType is not null)
        .ToFrozenDictionary(e => e.PurlType!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The OSV ecosystem name, e.g. "PyPI", "crates.io", "Red Hat".</summary>
    public string OsvName { get; }

    /// <summary>The purl type of its packages, or null where it shares one (Ubuntu's packages are "deb").</summary>
    public string? PurlType { get; }

    /// <summary>The rules that order its versions.</summary>
    public VersionOrdering Ordering { get; }

    /// <summary>
    /// The ecosystem of an OSV ecosystem string. The part after the first ':' names a release ("Debian:12",
    /// "Alpine:v3.18", "Ubuntu:22.04:LTS") and does not change the ordering; names are matched exactly, as OSV spells them.
    /// </summary>
    public static bool TryFromOsvName(string? name, [NotNullWhen(true)] out Ecosystem? ecosystem)
    {
        ecosystem = null;
        if (string.IsNullOrEmpty(name))
            return false;
        int colon = name.IndexOf(':', StringComparison.Ordinal);
        var baseName = colon < 0 ? name : name[..colon];
        return ByOsvName.TryGetValue(baseName, out ecosystem);
    }

    /// <summary>The ecosystem of an OSV ecosystem string (see <see cref="TryFromOsvName"/>).</summary>
    /// <exception cref="ArgumentException">The name is not an ecosystem whose ordering is implemented.</exception>
    public static Ecosystem FromOsvName(string name) =>
        TryFromOsvName(name, out var ecosystem) ? ecosystem : throw new ArgumentException($"'{name}' is not a supported OSV ecosystem.", nameof(name));

    /// <summary>The ecosystem of a purl type ("npm", "pypi", "golang", "cargo", "deb", "apk", "rpm" …), matched ignoring ASCII case.</summary>
    public static bool TryFromPurlType(string? type, [NotNullWhen(true)] out Ecosystem? ecosystem)
    {
        ecosystem = null;
        return !string.IsNullOrEmpty(type) && ByPurlType.TryGetValue(type, out ecosystem);
    }

    /// <summary>
    /// The ecosystem of a package URL: its type, and for the distribution types ("deb", "apk", "rpm") its namespace,
    /// which names the distribution ("pkg:deb/ubuntu/…" is Ubuntu, "pkg:apk/wolfi/…" Wolfi, "pkg:rpm/suse/…" SUSE).
    /// An unknown distribution keeps the type's ecosystem, whose ordering its packages share.
    /// </summary>
    public static bool TryFromPurl(Purls.PackageUrl purl, [NotNullWhen(true)] out Ecosystem? ecosystem)
    {
        ArgumentNullException.ThrowIfNull(purl);
        if (!TryFromPurlType(purl.Type, out ecosystem))
            return false;
        var distribution = purl.Namespace?.ToLowerInvariant();
        ecosystem = (purl.Type.ToLowerInvariant(), distribution) switch
        {
            ("deb", "ubuntu") => Ubuntu,
            ("apk", "wolfi") => Wolfi,
            ("apk", "chainguard") => Chainguard,
            ("apk", "minimos") => MinimOS,
            ("rpm", "rocky" or "rocky-linux") => RockyLinux,
            ("rpm", "almalinux") => AlmaLinux,
            ("rpm", "suse" or "sles") => Suse,
            ("rpm", "opensuse") => OpenSuse,
            ("rpm", "mageia") => Mageia,
            ("rpm", "openeuler") => OpenEuler,
            ("rpm", "azurelinux" or "mariner") => AzureLinux,
            ("rpm", "photon") => PhotonOS,
            _ => ecosystem,
        };
        return true;
    }

    /// <summary>The ecosystem of a purl type (see <see cref="TryFromPurlType"/>).</summary>
    /// <exception cref="ArgumentException">No supported ecosystem has this purl type.</exception>
    public static Ecosystem FromPurlType(string type) =>
        TryFromPurlType(type, out var ecosystem) ? ecosystem : throw new ArgumentException($"'{type}' is not the purl type of a supported ecosystem.", nameof(type));

    /// <inheritdoc />
    public override string ToString() => OsvName;
}
