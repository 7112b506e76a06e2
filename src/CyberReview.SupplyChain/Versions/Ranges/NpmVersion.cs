using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CyberReview.SupplyChain.Versions.Ranges;

/// <summary>
/// A version as node-semver reads it: exactly three numbers (each at most 2^53 − 1), an optional prerelease after
/// "-" and build metadata after "+", at most 256 characters, surrounding whitespace ignored, a leading "v" allowed.
/// In loose mode also leading zeros, leading "=" and spaces ("= v 1.2.3") and a prerelease without its hyphen
/// ("1.2.3beta").
/// </summary>
public sealed class NpmVersion
{
    /// <summary>The largest number node-semver accepts (JavaScript's Number.MAX_SAFE_INTEGER).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>The longest version string node-semver accepts.</summary>
    public const int MaxLength = 256;

    private NpmVersion(long major, long minor, long patch, string[] prerelease, string[] build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
        var text = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
        Canonical = prerelease.Length == 0 ? text : $"{text}-{string.Join('.', prerelease)}";
        Version = VersionOrdering.SemVer.Parse(Canonical);
    }

    /// <summary>The major number.</summary>
    public long Major { get; }

    /// <summary>The minor number.</summary>
    public long Minor { get; }

    /// <summary>The patch number.</summary>
    public long Patch { get; }

    /// <summary>The prerelease identifiers (empty for a release).</summary>
    public IReadOnlyList<string> Prerelease { get; }

    /// <summary>The build metadata identifiers (they do not order).</summary>
    public IReadOnlyList<string> Build { get; }

    /// <summary>"major.minor.patch[-prerelease]", as node-semver's <c>version</c> property.</summary>
    public string Canonical { get; }

    /// <summary>The same version for <see cref="VersionOrdering.SemVer"/>, to compare and to test against ranges.</summary>
    public PackageVersion Version { get; }

    /// <inheritdoc />
    public override string ToString() => Canonical;

    /// <summary>Reads a version by node-semver's rules; <paramref name="reason"/> says why not.</summary>
    public static bool TryParse(string? text, bool loose, [NotNullWhen(true)] out NpmVersion? version, [NotNullWhen(false)] out string? reason)
    {
        version = null;
        if (text is null)
        {
            reason = "Invalid version: it is not a string.";
            return false;
        }
        if (text.Length > MaxLength)
        {
            reason = $"Invalid version: longer than {MaxLength} characters.";
            return false;
        }
        var scanner = new NpmScanner(text.Trim(), loose);
        scanner.SkipPrefix(allowEquals: loose);
        if (!scanner.TryReadVersion(out var parts, out reason) || !scanner.AtEnd)
        {
            reason ??= $"Invalid version: '{text}'.";
            return false;
        }
        version = From(parts);
        return true;
    }

    internal static NpmVersion From(NpmParts parts) =>
        new(parts.Major, parts.Minor, parts.Patch, parts.Prerelease, parts.Build);

    internal static NpmVersion From(long major, long minor, long patch, string[] prerelease) =>
        new(major, minor, patch, prerelease, []);
}
