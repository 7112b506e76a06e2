namespace CyberReview.SupplyChain.Advisories;

/// <summary>One <c>affected</c> entry of an OSV advisory: a package (or only a repository) and where it is affected.</summary>
/// <param name="Ecosystem">The OSV ecosystem as written, e.g. <c>PyPI</c> or <c>Debian:11</c>; null when the entry names no package (GIT ranges only).</param>
/// <param name="Name">The package name as written; null when the entry names no package.</param>
/// <param name="Purl">The package URL the advisory gives, as written; null when it gives none.</param>
/// <param name="Ranges">The ranges of affected versions.</param>
/// <param name="Versions">The explicitly listed affected versions.</param>
/// <param name="Severities">Severities that apply to this package only.</param>
public sealed record AffectedPackage(
    string? Ecosystem,
    string? Name,
    string? Purl,
    IReadOnlyList<AffectedRange> Ranges,
    IReadOnlyList<string> Versions,
    IReadOnlyList<AdvisorySeverity> Severities)
{
    /// <summary>Whether the entry names a package (ecosystem and name), as opposed to a bare repository.</summary>
    public bool HasPackage => Ecosystem is not null && Name is not null;

    /// <summary>The ecosystem without its release suffix: <c>Debian</c> for <c>Debian:11</c>.</summary>
    public string? BaseEcosystem => Ecosystem is null ? null : Ecosystem.Split(':', 2)[0];
}
