using System.Text;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// A package's identity for matching: its OSV ecosystem (without suffix, spelled as the schema spells it) and its name
/// normalised by that ecosystem's own rule, so that two spellings the registry treats as one package are equal.
/// </summary>
/// <remarks>
/// Names: PyPI per PEP 503 (lowercase, runs of '-', '_', '.' as one '-'); NuGet and Packagist lowercase (their
/// registries ignore case); crates.io lowercase with '_' as '-' (crates.io refuses names differing only so);
/// npm, Go, Maven (<c>group:artifact</c>), RubyGems and the distributions exactly as written: they are case sensitive
/// (npm still serves old mixed-case names such as <c>JSONStream</c>).
/// </remarks>
/// <param name="Ecosystem">The canonical ecosystem name.</param>
/// <param name="Name">The normalised name.</param>
public readonly record struct PackageKey(string Ecosystem, string Name)
{
    private static readonly Dictionary<string, string> Canonical =
        OsvEcosystems.Names.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The key of a package named in an advisory or an SBOM.</summary>
    /// <param name="ecosystem">The ecosystem, with or without suffix, in any case.</param>
    /// <param name="name">The name as written.</param>
    public static PackageKey For(string ecosystem, string name)
    {
        ArgumentNullException.ThrowIfNull(ecosystem);
        ArgumentNullException.ThrowIfNull(name);
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        var bare = colon < 0 ? ecosystem : ecosystem[..colon];
        var canonical = Canonical.TryGetValue(bare, out var known) ? known : bare;
        return new PackageKey(canonical, NormaliseName(canonical, name));
    }

    /// <summary>The key of a package URL's package, or null when its type has no OSV ecosystem here.</summary>
    /// <param name="purl">The package URL; version, qualifiers and subpath are ignored.</param>
    public static PackageKey? For(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        var ns = purl.Namespace;
        return purl.Type switch
        {
            "pypi" => For("PyPI", purl.Name),
            "npm" => For("npm", ns is null ? purl.Name : $"{ns}/{purl.Name}"),
            "golang" => For("Go", ns is null ? purl.Name : $"{ns}/{purl.Name}"),
            "maven" when ns is not null => For("Maven", $"{ns}:{purl.Name}"),
            "nuget" => For("NuGet", purl.Name),
            "cargo" => For("crates.io", purl.Name),
            "gem" => For("RubyGems", purl.Name),
            "composer" => For("Packagist", ns is null ? purl.Name : $"{ns}/{purl.Name}"),
            "pub" => For("Pub", purl.Name),
            "hex" => For("Hex", purl.Name),
            "hackage" => For("Hackage", purl.Name),
            "cran" => For("CRAN", purl.Name),
            "swift" when ns is not null => For("SwiftURL", $"{ns}/{purl.Name}"),
            _ => null,
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Ecosystem}/{Name}";

    private static string NormaliseName(string ecosystem, string name) => ecosystem switch
    {
        "PyPI" => Pep503(name),
        "NuGet" or "Packagist" => name.ToLowerInvariant(),
        "crates.io" => name.ToLowerInvariant().Replace('_', '-'),
        _ => name,
    };

    // re.sub(r"[-_.]+", "-", name).lower(), exactly as PEP 503 writes it.
    private static string Pep503(string name)
    {
        var builder = new StringBuilder(name.Length);
        var inRun = false;
        foreach (var c in name)
        {
            var separator = c is '-' or '_' or '.';
            if (!separator)
                builder.Append(char.ToLowerInvariant(c));
            else if (!inRun)
                builder.Append('-');
            inRun = separator;
        }
        return builder.ToString();
    }
}
