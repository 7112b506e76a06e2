using System.Collections.Immutable;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// The rules of one registered purl type, taken from its definition in the purl specification
/// (<c>types/&lt;type&gt;-definition.json</c>): the machine-readable fields, plus the few rules the
/// definitions state only in prose (<see cref="NameRule"/>, <see cref="MaxNamespaceSegments"/>,
/// <see cref="NameIsPath"/>).
/// </summary>
internal sealed class PackageUrlTypeDefinition(string type)
{
    /// <summary>The lowercase type, e.g. <c>npm</c>.</summary>
    public string Type { get; } = type;

    public ComponentRequirement Namespace { get; init; }

    public CaseRule NamespaceCase { get; init; }

    public CaseRule NameCase { get; init; }

    public CaseRule VersionCase { get; init; }

    public CaseRule SubpathCase { get; init; }

    /// <summary>The most namespace segments the type allows; 0 for any number.</summary>
    public int MaxNamespaceSegments { get; init; }

    /// <summary>
    /// The namespace is a single segment and the name is a path that keeps its '/' separators
    /// (git: the host, then the repository path on that host).
    /// </summary>
    public bool NameIsPath { get; init; }

    public NameRule NameRule { get; init; }

    public PermittedCharacters? NamePermitted { get; init; }

    public PermittedCharacters? VersionPermitted { get; init; }

    /// <summary>Qualifier keys that must be present, in ordinal order.</summary>
    public ImmutableArray<string> RequiredQualifiers { get; init; } = [];

    public static string Fold(string value, CaseRule rule) => rule switch
    {
        CaseRule.Preserve => value,
        CaseRule.Lower => CaseFolding.ToLower(value),
        CaseRule.Upper => CaseFolding.ToUpper(value),
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>Applies the name's case rule and prose rule, then checks its permitted characters.</summary>
    public PackageUrlFailure? TryNormalizeName(string name, PackageUrlQualifiers qualifiers, out string normalized)
    {
        normalized = Fold(name, NameCase);
        switch (NameRule)
        {
            case NameRule.Pypi:
                normalized = normalized.Replace('_', '-');
                break;
            case NameRule.Pub:
                normalized = ReplaceOutsidePubAlphabet(normalized);
                break;
            case NameRule.Cpan when normalized.Contains("::", StringComparison.Ordinal):
                return InvalidName(
                    $"the cpan name '{normalized}' contains '::': it must be the distribution name (e.g. 'URI-PackageURL'), not a module name");
            case NameRule.Cocoapods when normalized.StartsWith('.') || normalized.Contains('+') || HasWhiteSpace(normalized):
                return InvalidName(
                    $"the cocoapods name '{normalized}' must not contain whitespace or '+', nor begin with '.'");
            case NameRule.Mlflow when IsDatabricks(qualifiers):
                normalized = CaseFolding.ToLower(normalized);
                break;
            default:
                break;
        }

        if (NamePermitted is { } permitted && !permitted.Permits(normalized))
        {
            return InvalidName(
                $"the {Type} name '{normalized}' does not match the permitted characters {permitted.Pattern}");
        }

        return null;
    }

    public PackageUrlFailure? TryNormalizeVersion(string version, out string normalized)
    {
        normalized = Fold(version, VersionCase);
        if (VersionPermitted is { } permitted && !permitted.Permits(normalized))
        {
            return new PackageUrlFailure(
                PackageUrlError.InvalidVersion,
                PackageUrlComponent.Version,
                $"the {Type} version '{normalized}' does not match the permitted characters {permitted.Pattern}");
        }

        return null;
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static PackageUrlFailure InvalidName(string reason) =>
        new(PackageUrlError.InvalidName, PackageUrlComponent.Name, reason);

    private static string ReplaceOutsidePubAlphabet(string name)
    {
        static bool InAlphabet(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';

        if (name.All(InAlphabet))
        {
            return name;
        }

        // One '_' per character as the reader sees it, so a surrogate pair becomes one '_'.
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            builder.Append(rune.IsAscii && InAlphabet((char)rune.Value) ? (char)rune.Value : '_');
        }

        return builder.ToString();
    }

    // The mlflow definition: names are case-insensitive on Databricks (Azure, AWS and GCP hosts)
    // and case-sensitive elsewhere (e.g. Azure ML).
    private static bool IsDatabricks(PackageUrlQualifiers qualifiers) =>
        qualifiers.TryGetValue("repository_url", out var repository)
        && Uri.TryCreate(repository, UriKind.Absolute, out var uri)
        && (uri.Host.EndsWith(".azuredatabricks.net", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".databricks.com", StringComparison.OrdinalIgnoreCase));
}
