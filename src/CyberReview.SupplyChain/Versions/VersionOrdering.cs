using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// The rules by which one ecosystem reads and orders its version strings. Parse once with <see cref="TryParse"/>,
/// then compare the <see cref="PackageVersion"/> values as often as needed: comparing never allocates.
/// </summary>
public abstract class VersionOrdering : IComparer<PackageVersion>
{
    private protected VersionOrdering(string name) => Name = name;

    /// <summary>
    /// The longest version string read: no ecosystem publishes longer ones (node-semver stops at 256), and the limit
    /// keeps a hostile SBOM or advisory from making parsing costly.
    /// </summary>
    public const int MaxLength = 1024;

    /// <summary>A short name of the rules, e.g. "SemVer", "PEP 440", "dpkg".</summary>
    public string Name { get; }

    /// <summary>
    /// SemVer 2.0 precedence, as npm, crates.io, Go modules and Hex order versions. Reading is as lenient as
    /// osv-scanner's, because advisories and SBOMs hold such strings: a leading "v", missing minor or patch numbers
    /// (as 0), a prerelease without its hyphen ("1.0.0beta"), numbers of any size, and numbers past the third (which
    /// do not order). For node-semver's own strict or loose reading, use <see cref="Ranges.NpmVersion"/>.
    /// </summary>
    public static VersionOrdering SemVer => SemVerOrdering.Instance;

    /// <summary>PyPI versions by PEP 440 (epochs, pre, post, dev and local segments); pre-PEP 440 strings sort before all others.</summary>
    public static VersionOrdering Pep440 => Pep440Ordering.Instance;

    /// <summary>Maven's ComparableVersion.</summary>
    public static VersionOrdering Maven => MavenOrdering.Instance;

    /// <summary>NuGet: SemVer 2 with up to four release numbers and case-insensitive prerelease labels.</summary>
    public static VersionOrdering NuGet => NuGetOrdering.Instance;

    /// <summary>RubyGems' Gem::Version.</summary>
    public static VersionOrdering RubyGems => RubyGemsOrdering.Instance;

    /// <summary>Composer and PHP's version_compare, as Packagist orders versions.</summary>
    public static VersionOrdering Composer => ComposerOrdering.Instance;

    /// <summary>dpkg: epoch, upstream version and Debian revision, with "~" sorting before everything.</summary>
    public static VersionOrdering Dpkg => DpkgOrdering.Instance;

    /// <summary>apk-tools, as Alpine, Wolfi and Chainguard order versions.</summary>
    public static VersionOrdering Apk => ApkOrdering.Instance;

    /// <summary>rpmvercmp with epochs, "~" and "^".</summary>
    public static VersionOrdering Rpm => RpmOrdering.Instance;

    /// <summary>Dart's pub: SemVer in which build metadata also orders.</summary>
    public static VersionOrdering Pub => PubOrdering.Instance;

    /// <summary>CRAN's package_version: numbers separated by "." or "-".</summary>
    public static VersionOrdering Cran => CranOrdering.Instance;

    /// <summary>Hackage (Haskell PVP): any number of numeric components.</summary>
    public static VersionOrdering Hackage => HackageOrdering.Instance;

    /// <summary>The vers "lexicographic" scheme: UTF-8 byte order, no normalisation.</summary>
    public static VersionOrdering Lexicographic => LexicographicOrdering.Instance;

    /// <summary>The vers "datetime" scheme: RFC 3339 timestamps ordered by instant.</summary>
    public static VersionOrdering DateTime => DateTimeOrdering.Instance;

    /// <summary>The ordering of <paramref name="ecosystem"/>.</summary>
    public static VersionOrdering For(Ecosystem ecosystem)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        return ecosystem.Ordering;
    }

    /// <summary>Reads <paramref name="text"/> by these rules; on failure <paramref name="reason"/> says why, in words.</summary>
    public bool TryParse(string? text, [NotNullWhen(true)] out PackageVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            reason = "The version is empty.";
            return false;
        }
        if (text.Length > MaxLength)
        {
            reason = $"The version is longer than {MaxLength} characters.";
            return false;
        }
        reason = Read(text, out version);
        if (reason is not null)
        {
            version = null;
            reason = $"'{text}' is not a {Name} version: {reason}";
            return false;
        }
        return version is not null;
    }

    /// <summary>Reads <paramref name="text"/> by these rules.</summary>
    /// <exception cref="VersionFormatException">The text is not a version of this ordering.</exception>
    public PackageVersion Parse(string text) =>
        TryParse(text, out var version, out var reason) ? version : throw new VersionFormatException(reason);

    /// <summary>Compares two versions read by this ordering (see <see cref="PackageVersion.CompareTo"/>).</summary>
    /// <exception cref="ArgumentException">A version was read by another ordering.</exception>
    public int Compare(PackageVersion? x, PackageVersion? y)
    {
        if (x is null || y is null)
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        if (!ReferenceEquals(x.Ordering, this))
            throw new ArgumentException($"The version '{x.Text}' was read by {x.Ordering.Name}, not {Name}.", nameof(x));
        return x.CompareTo(y);
    }

    /// <summary>Reads a non-empty string; returns null and a version, or the reason it is not one.</summary>
    private protected abstract string? Read(string text, out PackageVersion? version);

    /// <inheritdoc />
    public override string ToString() => Name;
}
