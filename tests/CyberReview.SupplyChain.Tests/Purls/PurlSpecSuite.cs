using System.Collections.Concurrent;
using System.Text.Json;

namespace CyberReview.SupplyChain.Tests.Purls;

/// <summary>
/// The purl specification's test files (shared/data/purl-spec-tests), read in place, as theory rows of
/// (file, index) so that a failure names the case and discovery needs nothing but two serializable values.
/// </summary>
internal static class PurlSpecSuite
{
    public const string Folder = "purl-spec-tests";

    public const string LegacyFile = "legacy-test-suite-data.json";

    private static readonly ConcurrentDictionary<string, JsonElement[]> Files = new(StringComparer.Ordinal);

    /// <summary>One row per test case in the JSON files of <paramref name="subfolder"/>, or one row that skips (or fails on CI) if the data is missing.</summary>
    public static IEnumerable<TheoryDataRow<string, int>> Rows(string subfolder)
    {
        var folder = SharedData.Find(Path.Combine(Folder, subfolder));
        if (folder is null)
        {
            yield return Missing(subfolder);
            yield break;
        }

        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(subfolder, Path.GetFileName(path)).Replace('\\', '/');
            var cases = Load(relative);
            for (int index = 0; index < cases.Length; index++)
            {
                var testCase = PurlTestCase.From(relative, index, cases[index]);
                yield return new TheoryDataRow<string, int>(relative, index) { TestDisplayName = testCase.DisplayName };
            }
        }
    }

    /// <summary>One row per case of the legacy flat suite, or one missing-data row.</summary>
    public static IEnumerable<TheoryDataRow<string, int>> LegacyRows()
    {
        if (SharedData.Find(Path.Combine(Folder, LegacyFile)) is null)
        {
            yield return Missing(LegacyFile);
            yield break;
        }

        var cases = Load(LegacyFile);
        for (int index = 0; index < cases.Length; index++)
        {
            var description = cases[index].GetProperty("description").GetString();
            yield return new TheoryDataRow<string, int>(LegacyFile, index) { TestDisplayName = $"{description} [legacy #{index}]" };
        }
    }

    /// <summary>The raw JSON of one case; skips or fails the test (per <see cref="SharedData"/>) for the missing-data row.</summary>
    public static JsonElement Case(string relativeFile, int index)
    {
        SharedData.Require(Path.Combine(Folder, relativeFile));
        if (index < 0)
        {
            Assert.Fail($"{Folder}/{relativeFile} appeared after test discovery; run the tests again.");
        }

        return Load(relativeFile)[index];
    }

    /// <summary>The folder of the type definitions, or a skipped/failed test.</summary>
    public static string TypesFolder() => SharedData.Require(Path.Combine(Folder, "types"));

    private static TheoryDataRow<string, int> Missing(string what) =>
        new(what, -1) { TestDisplayName = $"{Folder}/{what} (test data not found)" };

    private static JsonElement[] Load(string relativeFile) => Files.GetOrAdd(relativeFile, static file =>
    {
        using var stream = File.OpenRead(SharedData.Require(Path.Combine(Folder, file)));
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var cases = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("tests");
        return [.. cases.EnumerateArray().Select(element => element.Clone())];
    });
}
