using System.Text.Json;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>
/// The purl specification's own test suite (purl-spec-tests/tests), one theory row per case.
/// "required" cases are the conformance level of ECMA-427 and run against <see cref="PackageUrlParseMode.Strict"/>;
/// "recommended" cases show how to repair common faults and run against <see cref="PackageUrlParseMode.Lenient"/>.
/// Building (from components) has one mode. A "validate" case parses its input and expects the canonical form.
/// </summary>
public sealed class PackageUrlConformanceTests
{
    /// <summary>
    /// Cases where the suite contradicts itself or the type definitions (as of purl-spec 16f3d0e). Each
    /// runs an assertion of what the specification says instead, so that it still checks something.
    /// </summary>
    private static readonly Dictionary<(string File, string Group, string TestType, string Description), Contradiction> Contradictions = new()
    {
        [("maven-test.json", "required", "parse", "maven pom reference")] = new(
            "The input has the qualifier key 'repositorY_url'. ECMA-427 5.6.6: a key \"shall be composed only of lowercase "
            + "ASCII letters…\", and the same suite requires parsing to fail for 'Platform=java' (gem-test.json) and "
            + "'Arch=i386' (rpm-test.json); purl-spec issue #942 and PR #951 made the gem case fail and missed this one. "
            + "Asserted instead: strict parsing refuses the key, lenient parsing gives the expected components.",
            testCase =>
            {
                var input = testCase.Input.GetString()!;
                var refusal = Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse(input));
                Assert.Equal(PackageUrlError.InvalidQualifierKey, refusal.Error);
                PurlAssert.HasComponents(testCase.ExpectedOutput, PackageUrl.Parse(input, PackageUrlParseMode.Lenient));
            }),
        [("git-test.json", "recommended", "validate", "git namespace and name should be lowercased. Validate an input purl.")] = new(
            "The git type definition declares namespace and name case_sensitive: true, and lists the canonical example "
            + "'pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts'; lowercasing would change which repository is meant on "
            + "case-sensitive hosts. Asserted instead: the case is kept, and the input is already canonical.",
            testCase =>
            {
                var input = testCase.Input.GetString()!;
                Assert.Equal(input, PackageUrl.Parse(input, PackageUrlParseMode.Lenient).ToString());
                Assert.Equal(input, PackageUrl.Parse(input).ToString());
            }),
    };

    public static IEnumerable<TheoryDataRow<string, int>> SpecificationCases() => PurlSpecSuite.Rows("tests/spec");

    public static IEnumerable<TheoryDataRow<string, int>> TypeCases() => PurlSpecSuite.Rows("tests/types");

    [Theory]
    [MemberData(nameof(SpecificationCases))]
    public void Specification_suite(string file, int index) => Run(file, index);

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void Type_suite(string file, int index) => Run(file, index);

    /// <summary>
    /// The promise of <see cref="PackageUrlParseMode.Lenient"/>: whatever strict parsing accepts, lenient parsing
    /// accepts with the same result. Also: every canonical form uses only the permitted characters of ECMA-427 5.2.
    /// </summary>
    [Fact]
    public void Lenient_parsing_agrees_with_strict_parsing_and_canonical_forms_use_permitted_characters()
    {
        var folder = SharedData.Require(Path.Combine(PurlSpecSuite.Folder, "tests"));
        var inputs = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var test in document.RootElement.GetProperty("tests").EnumerateArray())
            {
                foreach (var property in new[] { "input", "expected_output" })
                {
                    if (test.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        inputs.Add(value.GetString()!);
                    }
                }
            }
        }

        int strictlyValid = 0;
        foreach (var input in inputs)
        {
            if (!PackageUrl.TryParse(input, out var strict))
            {
                continue;
            }

            strictlyValid++;
            var lenient = PackageUrl.Parse(input, PackageUrlParseMode.Lenient);
            Assert.Equal(strict.ToString(), lenient.ToString());
            Assert.Equal((strict.Type, strict.Namespace, strict.Name, strict.Version, strict.Subpath), (lenient.Type, lenient.Namespace, lenient.Name, lenient.Version, lenient.Subpath));
            Assert.Equal(strict.Qualifiers, lenient.Qualifiers);
            Assert.Matches("^[A-Za-z0-9._~%:/@?=&#-]+$", strict.ToString());
        }

        Assert.NotEqual(0, strictlyValid);
    }

    private static void Run(string file, int index)
    {
        var testCase = PurlTestCase.From(file, index, PurlSpecSuite.Case(file, index));
        if (Contradictions.TryGetValue((testCase.FileName, testCase.Group, testCase.TestType, testCase.Description), out var contradiction))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Contradiction in the suite: {contradiction.Reason}");
            contradiction.Assert(testCase);
            return;
        }

        var mode = testCase.IsRequired ? PackageUrlParseMode.Strict : PackageUrlParseMode.Lenient;
        switch (testCase.TestType)
        {
            case "parse":
                Parse(testCase, mode);
                break;
            case "validate":
                Validate(testCase, mode);
                break;
            case "build":
                Build(testCase);
                break;
            default:
                Assert.Fail($"Unknown test_type '{testCase.TestType}'.");
                break;
        }
    }

    private static void Parse(PurlTestCase testCase, PackageUrlParseMode mode)
    {
        var input = testCase.Input.GetString()!;
        if (testCase.ExpectedFailure)
        {
            var refusal = Assert.Throws<PackageUrlFormatException>(() => PackageUrl.Parse(input, mode));
            Assert.NotEqual(PackageUrlError.None, refusal.Error);
            Assert.False(PackageUrl.TryParse(input, mode, out _));
            return;
        }

        var purl = PackageUrl.Parse(input, mode);
        PurlAssert.HasComponents(testCase.ExpectedOutput, purl);
        Assert.True(PackageUrl.TryParse(input, mode, out var again));
        Assert.Equal(purl, again);
    }

    private static void Validate(PurlTestCase testCase, PackageUrlParseMode mode)
    {
        var input = testCase.Input.GetString()!;
        var expected = testCase.ExpectedOutput.GetString()!;
        Assert.False(testCase.ExpectedFailure, "No validate case is expected to fail.");
        Assert.Equal(expected, PackageUrl.Parse(input, mode).ToString());

        // The canonical form is strictly valid and stable.
        Assert.Equal(expected, PackageUrl.Parse(expected).ToString());
    }

    private static void Build(PurlTestCase testCase)
    {
        var components = testCase.Input;
        var type = PurlAssert.Text(components, "type");
        var name = PurlAssert.Text(components, "name");
        PackageUrl Create() => PackageUrl.Create(
            type!,
            PurlAssert.Text(components, "namespace"),
            name!,
            PurlAssert.Text(components, "version"),
            PurlAssert.Qualifiers(components),
            PurlAssert.Text(components, "subpath"));

        if (testCase.ExpectedFailure)
        {
            if (type is null || name is null)
            {
                Assert.Throws<ArgumentNullException>(Create);
            }
            else
            {
                Assert.NotEqual(PackageUrlError.None, Assert.Throws<PackageUrlFormatException>(Create).Error);
            }

            return;
        }

        var expected = testCase.ExpectedOutput.GetString()!;
        var built = Create();
        Assert.Equal(expected, built.ToString());
        Assert.Equal(built, PackageUrl.Parse(expected));
    }

    private sealed record Contradiction(string Reason, Action<PurlTestCase> Assert);
}
