using System.Text.Json;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Cvss;

namespace CyberReview.SupplyChain.Tests.Cvss;

/// <summary>Computed base scores against every score published beside its vector in the shared data.</summary>
public sealed class CvssPublishedScoreTests(ITestOutputHelper output)
{
    private void AssertAllAgree(List<PublishedScore> pairs, int v30, int v31, int v40)
    {
        var disagreements = new List<string>();
        foreach (var pair in pairs)
        {
            var computed = CvssVector.Parse(pair.Vector).BaseScore;
            if (computed != pair.BaseScore)
                disagreements.Add($"{pair.Source}: {pair.Vector} published {pair.BaseScore}, computed {computed}");
        }
        foreach (var version in new[] { "CVSS:3.0", "CVSS:3.1", "CVSS:4.0" })
        {
            var ofVersion = pairs.Where(pair => pair.Vector.StartsWith(version, StringComparison.Ordinal)).ToList();
            output.WriteLine($"{version}: {ofVersion.Count(pair => CvssVector.Parse(pair.Vector).BaseScore == pair.BaseScore)}/{ofVersion.Count} agree");
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Equal(v30, pairs.Count(pair => pair.Vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal)));
        Assert.Equal(v31, pairs.Count(pair => pair.Vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal)));
        Assert.Equal(v40, pairs.Count(pair => pair.Vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nvd_records_of_dependency_track()
    {
        AssertAllAgree(PublishedScores.In("dependency-track-testdata/nvd-cve"), v30: 1, v31: 6, v40: 1);
    }

    [Fact]
    public void Cve5_records_of_trustify()
    {
        AssertAllAgree(PublishedScores.In("advisories-misc-trustify/trustify-cve5"), v30: 1, v31: 7, v40: 1);
    }

    [Fact]
    public void Red_Hat_csaf_documents()
    {
        var pairs = PublishedScores.In("csaf-redhat")
            .Concat(PublishedScores.In("osv-schema/redhat-csaf-to-osv-testdata/CSAF"))
            .Concat(PublishedScores.In("openvex/go-vex-testdata")).ToList();
        AssertAllAgree(pairs, v30: 0, v31: 30, v40: 0);
    }

    [Fact]
    public void Oasis_csaf_examples()
    {
        var pairs = PublishedScores.In("csaf-oasis/csaf_2.0/examples").Concat(PublishedScores.In("csaf-oasis/csaf_2.1/examples")).ToList();
        AssertAllAgree(pairs, v30: 2, v31: 28, v40: 0);
    }

    [Theory]
    [InlineData("csaf_2.0", 2)]
    [InlineData("csaf_2.1", 4)]
    public void Csaf_validator_test_6_1_9_invalid_cvss_computation_is_caught(string version, int scoredFailures)
    {
        // Test 6.1.9 of the CSAF validator suite: documents whose baseScore is not the vector's are 'failures'.
        var folder = SharedData.Require($"csaf-oasis/{version}/test-validator/data");
        using var testcases = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "testcases.json")));
        var test = testcases.RootElement.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "6.1.9");

        List<PublishedScore> Pairs(string name) => PublishedScores.In(Path.Combine("csaf-oasis", version, "test-validator/data", name));
        bool Agrees(string name) => Pairs(name).All(pair => CvssVector.Parse(pair.Vector).BaseScore == pair.BaseScore);

        // Failures that only carry a CVSS v2 score are not ours to judge: v2 is not scored here.
        var failures = test.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Where(name => Pairs(name).Count > 0).ToList();
        var valid = test.GetProperty("valid").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        Assert.Equal(scoredFailures, failures.Count);
        Assert.All(failures, name => Assert.False(Agrees(name), name));
        Assert.All(valid, name => Assert.True(Agrees(name), name));
    }

    [Fact]
    public void Every_rustsec_vector_parses_and_scores()
    {
        var severities = AdvisorySource.ReadAccepted(SharedData.Require("osv-rustsec/crates"))
            .SelectMany(advisory => advisory.Severities).ToList();

        var vectors = severities.Select(severity => (severity.Type, Vector: CvssVector.Parse(severity.Score))).ToList();

        Assert.Equal(360, vectors.Count(v => v.Type == "CVSS_V3"));
        Assert.Equal(57, vectors.Count(v => v.Type == "CVSS_V4"));
        Assert.All(vectors, v => Assert.Equal(v.Type == "CVSS_V4" ? CvssVersion.Cvss40 : v.Vector.Version, v.Vector.Version));
        Assert.All(vectors, v => Assert.InRange(v.Vector.BaseScore, 0.0, 10.0));
        output.WriteLine($"CVSS_V3 {vectors.Count(v => v.Type == "CVSS_V3")}, CVSS_V4 {vectors.Count(v => v.Type == "CVSS_V4")}; critical {vectors.Count(v => v.Vector.Severity == CvssSeverity.Critical)}");
    }

    [Theory]
    [InlineData("csaf_2.0", 9, 22, 0)]
    [InlineData("csaf_2.1", 30, 59, 47)]
    public void Csaf_validator_documents_that_no_cvss_test_marks_invalid_agree(string version, int v30, int v31, int v40)
    {
        var folder = SharedData.Require($"csaf-oasis/{version}/test-validator/data");
        using var testcases = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "testcases.json")));
        // 6.1.8 invalid CVSS, 6.1.9 invalid CVSS computation, 6.1.10 inconsistent CVSS: their failures are wrong on purpose.
        var wrongOnPurpose = testcases.RootElement.GetProperty("tests").EnumerateArray()
            .Where(t => t.GetProperty("id").GetString() is "6.1.8" or "6.1.9" or "6.1.10")
            .SelectMany(t => t.GetProperty("failures").EnumerateArray()).Select(f => Path.GetFullPath(Path.Combine(folder, f.GetProperty("name").GetString()!)))
            .ToHashSet();
        // Valid under 6.2.19 only: its cvss_v4 object states baseScore 0.0 with modified metrics kept outside the
        // vector (which scores 7.3), an inconsistency no CVSS test of the 2.1 suite checks.
        wrongOnPurpose.Add(Path.GetFullPath(Path.Combine(folder, "recommended/oasis_csaf_tc-csaf_2_1-2024-6-2-19-19.json")));
        var pairs = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(file => !wrongOnPurpose.Contains(file) && !file.EndsWith("testcases.json", StringComparison.Ordinal))
            .SelectMany(file => PublishedScores.In(Path.GetRelativePath(SharedData.Root!, file)))
            .Where(pair => CvssVector.TryParse(pair.Vector, out _))
            .ToList();

        AssertAllAgree(pairs, v30, v31, v40);
    }
}
