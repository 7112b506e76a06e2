namespace CyberReview.SupplyChain.Tests;

/// <summary>Replays every input the fuzzers found crashing (FuzzRegressions/&lt;target&gt;/) through the fuzzers' own targets (fuzz/CyberReview.Fuzz/FuzzTargets.cs, compiled in).</summary>
public sealed class FuzzRegressionTests
{
    [Fact]
    public void Every_crashing_input_kept_from_fuzzing_is_now_read_or_refused_with_a_format_exception()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot(), "tests", "CyberReview.SupplyChain.Tests", "FuzzRegressions");
        Assert.True(File.Exists(Path.Combine(folder, "README.md")), $"{folder} is missing");
        var failures = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(directory);
            Assert.True(CyberReview.Fuzz.FuzzTargets.All.TryGetValue(name, out var target), $"'{name}' is not a fuzz target");
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                try
                {
                    using var stream = File.OpenRead(file);
                    target(stream);
                }
#pragma warning disable CA1031 // Any other exception is exactly what this test reports.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add($"{name}/{Path.GetFileName(file)}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
