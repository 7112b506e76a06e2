using System.Text.Json;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>One case of the purl test schema (schemas/purl-test.schema-0.2.json).</summary>
internal sealed record PurlTestCase(
    string File,
    int Index,
    string Description,
    string Group,
    string TestType,
    bool ExpectedFailure,
    JsonElement Input,
    JsonElement ExpectedOutput)
{
    public bool IsRequired => Group == "required";

    public string FileName => Path.GetFileName(File);

    public string DisplayName =>
        $"{Description} [{FileName} #{Index}: {Group} {TestType}{(ExpectedFailure ? ", expected to fail" : "")}]";

    public static PurlTestCase From(string file, int index, JsonElement json) => new(
        file,
        index,
        json.GetProperty("description").GetString() ?? "",
        json.GetProperty("test_group").GetString() ?? "",
        json.GetProperty("test_type").GetString() ?? "",
        json.TryGetProperty("expected_failure", out var failure) && failure.GetBoolean(),
        json.GetProperty("input"),
        json.TryGetProperty("expected_output", out var output) ? output : default);
}
