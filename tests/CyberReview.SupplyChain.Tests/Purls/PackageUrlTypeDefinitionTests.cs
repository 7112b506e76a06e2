using System.Text.Json;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>
/// The library's table of type rules (<see cref="PackageUrlTypes"/>) against the purl specification's type
/// definitions (purl-spec-tests/types, purl-types-index.json), so that a change upstream fails a test here.
/// </summary>
public sealed class PackageUrlTypeDefinitionTests
{
    /// <summary>
    /// Every prose normalization rule of the definitions, and what this library does with it. A new rule
    /// upstream fails <see cref="Every_prose_normalization_rule_is_accounted_for"/> until it is decided here.
    /// </summary>
    private static readonly Dictionary<(string Type, string Component), string> ProseRules = new()
    {
        [("alpm", "namespace")] = "Implemented as case_sensitive: false (lowercase).",
        [("alpm", "version")] = "Not applied: vercmp(8) orders versions, it does not rewrite them; the purl keeps the version as published.",
        [("hackage", "name")] = "Not applied: 'kebab-case' describes Hackage names, which are already words joined by '-' (the suite keeps 'AC-HalfInteger').",
        [("pub", "name")] = "Implemented: after lowercasing, every character outside [a-z0-9_] becomes '_'.",
        [("pypi", "name")] = "Implemented: '_' becomes '-'. The '.' to '_' rule is for distribution file names, not for the purl name.",
    };

    public static IEnumerable<TheoryDataRow<string>> Definitions()
    {
        var folder = SharedData.Find(Path.Combine(PurlSpecSuite.Folder, "types"));
        if (folder is null)
        {
            yield return new TheoryDataRow<string>("") { TestDisplayName = "purl-spec-tests/types (test data not found)" };
            yield break;
        }

        foreach (var path in Directory.GetFiles(folder, "*-definition.json").Order(StringComparer.Ordinal))
        {
            yield return new TheoryDataRow<string>(Path.GetFileName(path));
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void The_table_follows_the_definition(string file)
    {
        var definition = Load(file);
        var type = definition.GetProperty("type").GetString()!;
        var rules = PackageUrlTypes.Find(type);
        Assert.NotNull(rules);
        Assert.Equal(type, rules.Type);

        Assert.Equal(Requirement(definition, "namespace_definition"), rules.Namespace);
        AssertCase(definition, "namespace_definition", rules.NamespaceCase);
        AssertCase(definition, "name_definition", rules.NameCase);
        AssertCase(definition, "version_definition", rules.VersionCase);
        AssertCase(definition, "subpath_definition", rules.SubpathCase);

        Assert.Equal(Permitted(definition, "name_definition"), rules.NamePermitted?.Pattern);
        Assert.Equal(Permitted(definition, "version_definition"), rules.VersionPermitted?.Pattern);
        Assert.Null(Permitted(definition, "namespace_definition"));
        Assert.Null(Permitted(definition, "subpath_definition"));

        var required = definition.TryGetProperty("qualifiers_definition", out var qualifiers)
            ? qualifiers.EnumerateArray()
                .Where(q => q.TryGetProperty("requirement", out var r) && r.GetString() == "required")
                .Select(q => q.GetProperty("key").GetString()!)
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];
        Assert.Equal(required, rules.RequiredQualifiers);
    }

    // The schema calls the examples canonical, but several are not (qualifiers out of order, ':' encoded as
    // %3A, a raw '+'; the yocto ones have '&' where '?' was meant), and the suite's own canonical forms of the
    // same purls agree with this library. What must hold: each is strictly valid, with a stable canonical form.
    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_example_is_valid_and_has_a_stable_canonical_form(string file)
    {
        var definition = Load(file);
        Assert.All(
            definition.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!),
            example =>
            {
                var canonical = PackageUrl.Parse(example).ToString();
                Assert.Equal(canonical, PackageUrl.Parse(canonical).ToString());
                Assert.Equal(PackageUrl.Parse(example), PackageUrl.Parse(canonical));
            });
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Every_prose_normalization_rule_is_accounted_for(string file)
    {
        var definition = Load(file);
        var type = definition.GetProperty("type").GetString()!;
        foreach (var component in new[] { "namespace", "name", "version", "subpath" })
        {
            if (definition.TryGetProperty($"{component}_definition", out var part) && part.TryGetProperty("normalization_rules", out _))
            {
                Assert.True(ProseRules.ContainsKey((type, component)), $"{type} {component} has normalization_rules that this library has not decided on.");
            }
        }
    }

    [Fact]
    public void The_table_has_exactly_the_registered_types()
    {
        var folder = PurlSpecSuite.Folder;
        var index = SharedData.Require(Path.Combine(folder, "purl-types-index.json"));
        using var document = JsonDocument.Parse(File.ReadAllText(index));
        var registered = document.RootElement.EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(registered, PackageUrlTypes.All.Select(d => d.Type).Order(StringComparer.Ordinal));
    }

    private static JsonElement Load(string file)
    {
        var folder = PurlSpecSuite.TypesFolder();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
        return document.RootElement.Clone();
    }

    private static ComponentRequirement Requirement(JsonElement definition, string part) =>
        definition.GetProperty(part).GetProperty("requirement").GetString() switch
        {
            "required" => ComponentRequirement.Required,
            "prohibited" => ComponentRequirement.Prohibited,
            _ => ComponentRequirement.Optional,
        };

    private static void AssertCase(JsonElement definition, string part, CaseRule actual)
    {
        if (!definition.TryGetProperty(part, out var component))
        {
            Assert.Equal(CaseRule.Preserve, actual);
            return;
        }

        bool insensitive = component.TryGetProperty("case_sensitive", out var flag) && !flag.GetBoolean();
        if (actual == CaseRule.Upper)
        {
            // Only a prose rule makes a component uppercase (cpan: the author id "shall be uppercase").
            Assert.False(insensitive);
            Assert.Contains("shall be uppercase", component.GetProperty("note").GetString(), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(insensitive ? CaseRule.Lower : CaseRule.Preserve, actual);
    }

    private static string? Permitted(JsonElement definition, string part) =>
        definition.TryGetProperty(part, out var component) && component.TryGetProperty("permitted_characters", out var pattern)
            ? pattern.GetString()
            : null;
}
