using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// The registered purl types (the purl specification's <c>purl-types-index.json</c>) and their rules.
/// A test compares this table with the definition files, so a change upstream shows up as a failing test.
/// </summary>
internal static partial class PackageUrlTypes
{
    internal const string ChromeExtensionIdPattern = "^[a-p]{32}$";
    internal const string ChromeExtensionVersionPattern = @"^\d+(\.\d+){0,3}$";
    internal const string PubNamePattern = "^[a-z0-9_]";

    private const ComponentRequirement Required = ComponentRequirement.Required;
    private const ComponentRequirement Prohibited = ComponentRequirement.Prohibited;
    private const CaseRule Lower = CaseRule.Lower;

    private static readonly FrozenDictionary<string, PackageUrlTypeDefinition> ByType = Define().ToFrozenDictionary(
        definition => definition.Type, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, PackageUrlTypeDefinition>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByType.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<PackageUrlTypeDefinition> All => ByType.Values;

    /// <summary>The definition of <paramref name="type"/>, matched without regard to ASCII case; null if it is not registered.</summary>
    public static PackageUrlTypeDefinition? Find(ReadOnlySpan<char> type) =>
        BySpan.TryGetValue(type, out var definition) ? definition : null;

    [GeneratedRegex(ChromeExtensionIdPattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeExtensionId();

    [GeneratedRegex(ChromeExtensionVersionPattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex ChromeExtensionVersion();

    [GeneratedRegex(PubNamePattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant)]
    private static partial Regex PubName();

    private static IEnumerable<PackageUrlTypeDefinition> Define() =>
    [
        new("alpm") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("apk") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("bazel") { Namespace = Prohibited },
        new("bitbucket") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("bitnami") { Namespace = Prohibited, NameCase = Lower },
        new("brew") { NamespaceCase = Lower, NameCase = Lower },
        new("cargo") { Namespace = Prohibited },
        new("chrome-extension")
        {
            Namespace = Prohibited,
            NameCase = Lower,
            NamePermitted = new(ChromeExtensionIdPattern, ChromeExtensionId()),
            VersionPermitted = new(ChromeExtensionVersionPattern, ChromeExtensionVersion()),
        },
        new("cocoapods") { Namespace = Prohibited, NameRule = NameRule.Cocoapods },
        new("composer") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("conan"),
        new("conda") { Namespace = Prohibited },
        new("cpan") { NamespaceCase = CaseRule.Upper, NameRule = NameRule.Cpan },
        new("cran") { Namespace = Prohibited },
        new("deb") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("docker"),
        new("gem") { Namespace = Prohibited },
        new("generic"),
        new("git") { Namespace = Required, MaxNamespaceSegments = 1, NameIsPath = true },
        new("github") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower },
        new("golang") { Namespace = Required },
        new("hackage") { Namespace = Prohibited },
        new("hex") { NamespaceCase = Lower, NameCase = Lower },
        new("huggingface") { Namespace = Required, VersionCase = Lower },
        new("julia") { Namespace = Prohibited, RequiredQualifiers = ["uuid"] },
        new("luarocks") { NamespaceCase = Lower, NameCase = Lower },
        new("maven") { Namespace = Required },
        new("mlflow") { Namespace = Prohibited, NameRule = NameRule.Mlflow },
        new("npm"),
        new("nuget") { Namespace = Prohibited },
        new("oci") { Namespace = Prohibited, NameCase = Lower, VersionCase = Lower },
        new("opam") { Namespace = Prohibited },
        new("otp") { Namespace = Prohibited, NameCase = Lower, SubpathCase = Lower },
        new("pub")
        {
            Namespace = Prohibited,
            NameCase = Lower,
            NameRule = NameRule.Pub,
            NamePermitted = new(PubNamePattern, PubName()),
        },
        new("pypi") { Namespace = Prohibited, NameCase = Lower, VersionCase = Lower, NameRule = NameRule.Pypi },
        new("qpkg") { Namespace = Required, NamespaceCase = Lower },
        new("rpm") { Namespace = Required, NamespaceCase = Lower },
        new("swid") { MaxNamespaceSegments = 2, RequiredQualifiers = ["tag_id"] },
        new("swift") { Namespace = Required },
        new("vcpkg") { Namespace = Prohibited },
        new("vscode-extension") { Namespace = Required, NamespaceCase = Lower, NameCase = Lower, VersionCase = Lower },
        new("yocto") { NamespaceCase = Lower },
    ];
}
