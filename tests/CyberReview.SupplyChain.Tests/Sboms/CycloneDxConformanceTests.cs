using CyberReview.SupplyChain.Sboms;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>
/// The CycloneDX specification's conformance suite (cyclonedx-spec-tests/test-resources/&lt;version&gt;), one theory
/// row per document: every valid-* JSON and XML document of 1.2–1.7 reads; every invalid-* one is refused with a
/// message naming what is wrong. The textproto documents are not read (Protocol Buffers text is no SBOM exchange
/// format the product accepts).
/// </summary>
public sealed class CycloneDxConformanceTests
{
    private const string Suite = "cyclonedx-spec-tests/test-resources";

    public static readonly string[] Versions = ["1.2", "1.3", "1.4", "1.5", "1.6", "1.7"];

    public static IEnumerable<TheoryDataRow<string>> ValidDocuments() => Documents("valid-");

    public static IEnumerable<TheoryDataRow<string>> InvalidDocuments() => Documents("invalid-");

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Valid_document_reads(string file)
    {
        var path = SharedData.Require(Path.Combine(Suite, file));
        var sbom = SbomReader.ReadFile(path);
        Assert.Equal(SbomFormat.CycloneDx, sbom.Format);
        Assert.Equal(Path.GetDirectoryName(file), sbom.SpecVersion);
        Assert.Equal(path.EndsWith(".xml", StringComparison.Ordinal) ? SbomSyntax.Xml : SbomSyntax.Json, sbom.Syntax);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Invalid_document_is_refused_naming_the_fault(string file)
    {
        var path = SharedData.Require(Path.Combine(Suite, file));
        var refusal = Assert.Throws<SbomFormatException>(() => SbomReader.ReadFile(path));
        Assert.Equal(SbomRefusal.Invalid, refusal.Reason);
        var expected = Expected(Path.GetFileName(file));
        Assert.True(expected.Any(word => refusal.Message.Contains(word, StringComparison.OrdinalIgnoreCase)),
            $"The refusal of {file} should name one of [{string.Join(", ", expected)}]: {refusal.Message}");
    }

    /// <summary>What the refusal must name for each kind of invalid document (the field or element at fault).</summary>
    private static string[] Expected(string name) => name switch
    {
        _ when name.StartsWith("invalid-bomformat", StringComparison.Ordinal) => ["bomFormat"],
        _ when name.StartsWith("invalid-component-ref", StringComparison.Ordinal) => ["bom-ref"],
        _ when name.StartsWith("invalid-component-swid", StringComparison.Ordinal) => ["swid", "tagId"],
        _ when name.StartsWith("invalid-component-type", StringComparison.Ordinal) => ["type"],
        _ when name.StartsWith("invalid-missing-component-type", StringComparison.Ordinal) => ["type"],
        _ when name.StartsWith("invalid-component-external", StringComparison.Ordinal) || name.StartsWith("invalid-component-versionRange", StringComparison.Ordinal) => ["version", "isExternal"],
        _ when name.StartsWith("invalid-dependency", StringComparison.Ordinal) => ["dependencies", "dependency", "ref"],
        _ when name.StartsWith("invalid-empty-component", StringComparison.Ordinal) => ["name"],
        _ when name.StartsWith("invalid-hash", StringComparison.Ordinal) => ["hash", "alg", "content"],
        _ when name.StartsWith("invalid-issue-type", StringComparison.Ordinal) => ["resolves", "issue", "type"],
        _ when name.StartsWith("invalid-patch-type", StringComparison.Ordinal) => ["patch", "type"],
        _ when name.StartsWith("invalid-license-encoding", StringComparison.Ordinal) => ["encoding"],
        _ when name.StartsWith("invalid-license", StringComparison.Ordinal) || name.StartsWith("invalid-metadata-license", StringComparison.Ordinal) => ["licen"],
        _ when name.StartsWith("invalid-metadata-timestamp", StringComparison.Ordinal) => ["timestamp"],
        _ when name.StartsWith("invalid-metadata-distribution", StringComparison.Ordinal) => ["distribution"],
        _ when name.StartsWith("invalid-namespace", StringComparison.Ordinal) => ["namespace"],
        _ when name.StartsWith("invalid-properties", StringComparison.Ordinal) => ["propert", "attribute 'name'"],
        _ when name.StartsWith("invalid-scope", StringComparison.Ordinal) => ["scope"],
        _ when name.StartsWith("invalid-serialnumber", StringComparison.Ordinal) => ["serialNumber"],
        _ when name.StartsWith("invalid-service-data", StringComparison.Ordinal) => ["data", "classification", "flow"],
        _ when name.StartsWith("invalid-citations", StringComparison.Ordinal) => ["citation"],
        _ => throw new InvalidOperationException($"No expectation for {name}; add one."),
    };

    private static IEnumerable<TheoryDataRow<string>> Documents(string prefix)
    {
        if (SharedData.Find(Suite) is not { } root)
            yield break;
        foreach (var version in Versions)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(root, version)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith(prefix, StringComparison.Ordinal) && (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal)))
                    yield return new TheoryDataRow<string>(Path.Combine(version, name));
            }
        }
    }
}
