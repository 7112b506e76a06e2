using System.Text.Json;
using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>
/// The old flat purl test suite (purl-spec-tests/legacy-test-suite-data.json, purl-spec de752b1), which many
/// libraries still run. It predates the split into strict "required" and repairing "recommended" cases, and
/// its valid cases include repairs (uppercase qualifier keys), so valid cases run against
/// <see cref="PackageUrlParseMode.Lenient"/>; the canonical form they give must then parse strictly to itself.
/// Invalid cases must be refused in both modes. Where the legacy data contradicts the current suite or the
/// current type definitions, <see cref="Corrections"/> says what is expected now, and why.
/// </summary>
public sealed class PackageUrlLegacySuiteTests
{
    private const string EncodedSlashes =
        "The current suite percent-encodes '/' in qualifier values (e.g. maven-test.json 'maven often uses qualifiers. "
        + "Roundtrip a canonical input to canonical output' gives 'repository_url=repo.spring.io%2Frelease'; "
        + "mlflow-test.json and huggingface-test.json do the same for https:// URLs); the legacy canonical forms leave them raw.";

    private const string DotSegments =
        "How-to-parse: subpath segments are percent-decoded, then '.' and '..' are discarded. The legacy canonical form "
        + "drops them, but the legacy components keep them; the current suite has no such case.";

    private static readonly Dictionary<string, Correction> Corrections = new(StringComparer.Ordinal)
    {
        ["invalid subpath - unencoded subpath cannot contain '..'"] = new(DotSegments, Subpath: "googleapis/api/annotations"),
        ["invalid subpath - unencoded subpath cannot contain '.'"] = new(DotSegments, Subpath: "googleapis/api/annotations"),
        ["maven often uses qualifiers"] = new(
            EncodedSlashes,
            Canonical: "pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repository_url=repo.spring.io%2Frelease"),
        ["maven pom reference"] = new(
            EncodedSlashes,
            Canonical: "pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?extension=pom&repository_url=repo.spring.io%2Frelease"),
        ["Hugging Face model with staging endpoint"] = new(
            EncodedSlashes,
            Canonical: "pkg:huggingface/microsoft/deberta-v3-base@559062ad13d311b87b2c455e67dcd5f1c8f65111?repository_url=https:%2F%2Fhub-ci.huggingface.co"),
        ["MLflow model tracked in Azure Databricks (case insensitive)"] = new(
            EncodedSlashes,
            Canonical: "pkg:mlflow/creditfraud@3?repository_url=https:%2F%2Fadb-5245952564735461.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow"),
        ["MLflow model tracked in Azure ML (case sensitive)"] = new(
            EncodedSlashes,
            Canonical: "pkg:mlflow/CreditFraud@3?repository_url=https:%2F%2Fwestus2.api.azureml.ms%2Fmlflow%2Fv1.0%2Fsubscriptions%2Fa50f2011-fab8-4164-af23-c62881ef8c95%2FresourceGroups%2FTestResourceGroup%2Fproviders%2FMicrosoft.MachineLearningServices%2Fworkspaces%2FTestWorkspace"),
        ["MLflow model with unique identifiers"] = new(
            EncodedSlashes,
            Canonical: "pkg:mlflow/trafficsigns@10?model_uuid=36233173b22f4c89b451f1228d700d49&repository_url=https:%2F%2Fadb-5245952564735461.0.azuredatabricks.net%2Fapi%2F2.0%2Fmlflow&run_id=410a3121-2709-4f88-98dd-dba0ef056b0a"),
        ["invalid conan purl only namespace"] = new(
            "The conan definition makes the 'user' and 'channel' qualifiers optional and ties them to nothing else; "
            + "the old rule that a namespace needs a channel (and the reverse) is gone.",
            IsInvalid: false),
        ["invalid conan purl only channel qualifier"] = new(
            "As above: a 'channel' qualifier without a namespace is valid under the current conan definition.",
            IsInvalid: false),
        ["invalid cran purl without version"] = new(
            "The cran definition makes the version optional; no current case requires one.",
            IsInvalid: false),
        ["invalid swift purl without version"] = new(
            "The swift definition makes the version optional.",
            IsInvalid: false),
        ["minimal Hugging Face model"] = new(
            "The huggingface definition now requires a namespace (the user or organization).",
            IsInvalid: true),
        ["cpan module name are case sensitive"] = new(
            "The cpan definition: the name is the distribution name and shall not contain '::' (current cpan-test.json "
            + "requires 'pkg:cpan/URI::PackageURL' to fail).",
            IsInvalid: true),
        ["cpan module name like distribution name"] = new(
            "Under the current cpan definition 'Perl-Version' is exactly what a name should look like (a distribution name).",
            IsInvalid: false),
    };

    public static IEnumerable<TheoryDataRow<string, int>> Cases() => PurlSpecSuite.LegacyRows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Legacy_suite(string file, int index)
    {
        var json = PurlSpecSuite.Case(file, index);
        var description = json.GetProperty("description").GetString()!;
        var input = json.GetProperty("purl").GetString()!;
        var correction = Corrections.GetValueOrDefault(description);
        if (correction is not null)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Legacy case corrected: {correction.Reason}");
        }

        if (correction?.IsInvalid ?? json.GetProperty("is_invalid").GetBoolean())
        {
            Assert.False(PackageUrl.TryParse(input, PackageUrlParseMode.Strict, out _));
            Assert.False(PackageUrl.TryParse(input, PackageUrlParseMode.Lenient, out _));
            return;
        }

        var purl = PackageUrl.Parse(input, PackageUrlParseMode.Lenient);
        Assert.Equal(json.GetProperty("type").GetString(), purl.Type);
        Assert.Equal(PurlAssert.Text(json, "namespace"), purl.Namespace);
        Assert.Equal(PurlAssert.Text(json, "name"), purl.Name);
        Assert.Equal(PurlAssert.Text(json, "version"), purl.Version);
        Assert.Equal(PurlAssert.Qualifiers(json), [.. purl.Qualifiers]);
        Assert.Equal(correction?.Subpath ?? PurlAssert.Text(json, "subpath"), purl.Subpath);

        var canonical = correction?.Canonical ?? json.GetProperty("canonical_purl").GetString()!;
        Assert.Equal(canonical, purl.ToString());
        Assert.Equal(canonical, PackageUrl.Parse(canonical).ToString());
    }

    [Fact]
    public void Every_correction_names_a_legacy_case()
    {
        var folder = SharedData.Require(PurlSpecSuite.Folder);
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, PurlSpecSuite.LegacyFile)));
        var descriptions = document.RootElement.EnumerateArray().Select(c => c.GetProperty("description").GetString()).ToHashSet();
        Assert.All(Corrections.Keys, description => Assert.Contains(description, descriptions));
    }

    /// <param name="Reason">Why the legacy expectation no longer holds.</param>
    /// <param name="IsInvalid">The validity expected now, when it changed.</param>
    /// <param name="Canonical">The canonical form expected now, when it changed.</param>
    /// <param name="Subpath">The decoded subpath expected now, when it changed.</param>
    private sealed record Correction(string Reason, bool? IsInvalid = null, string? Canonical = null, string? Subpath = null);
}
