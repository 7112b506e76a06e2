using CyberReview.SupplyChain.Versions;

namespace CyberReview.SupplyChain.Tests.Versions;

/// <summary>
/// osv-scalibr's version comparison files (shared/data/version-compare-osv-scalibr): every line "A &lt; B", "A = B"
/// or "A &gt; B" is checked both ways round, as osv-scalibr's own test does. One row per file and ecosystem; a
/// failure lists every line that does not hold.
/// </summary>
public sealed class ScalibrComparisonTests
{
    public const string Folder = "version-compare-osv-scalibr";

    public static TheoryData<string, string> Files => new()
    {
        { "alpine-versions.txt", "Alpine" },
        { "alpine-versions-generated.txt", "Alpine" },
        { "cran-versions.txt", "CRAN" },
        { "cran-versions-generated.txt", "CRAN" },
        { "debian-versions.txt", "Debian" },
        { "debian-versions-generated.txt", "Debian" },
        { "hackage-versions.txt", "Hackage" },
        { "maven-versions.txt", "Maven" },
        { "maven-versions-generated.txt", "Maven" },
        { "nuget-versions.txt", "NuGet" },
        { "packagist-versions.txt", "Packagist" },
        { "packagist-versions-generated.txt", "Packagist" },
        { "pub-versions.txt", "Pub" },
        { "pypi-versions.txt", "PyPI" },
        { "pypi-versions-generated.txt", "PyPI" },
        { "redhat-versions.txt", "Red Hat" },
        { "rubygems-versions.txt", "RubyGems" },
        { "rubygems-versions-generated.txt", "RubyGems" },
        { "semver-versions.txt", "npm" },
        { "semver-versions.txt", "crates.io" },
        { "semver-versions.txt", "Go" },
        { "semver-versions.txt", "Hex" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_comparison_in_the_file_holds(string file, string ecosystem)
    {
        var path = SharedData.Require(Path.Combine(Folder, file));
        var ordering = Ecosystem.FromOsvName(ecosystem).Ordering;
        var failures = new List<string>();
        int checkedLines = 0;
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (ScalibrLine.TryRead(line, out var comparison) is false)
                continue;
            checkedLines++;
            var failure = comparison.Check(ordering);
            if (failure is not null)
                failures.Add($"line {lineNumber}: {line} — {failure}");
        }

        Assert.True(checkedLines > 0, $"{file} has no comparisons.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedLines} comparisons fail for {ecosystem}:\n{string.Join('\n', failures)}");
    }

    /// <summary>
    /// Every comparison line of the folder, counted once per file, and every file covered. SOURCES.md says 71,820:
    /// it counts pypi-versions.txt as 39, including the two commented-out lines "// 1.0.0+local &lt; 1.0.0 False" and
    /// "// 1.0.0+local &gt; 1.0.0 False", which osv-scalibr's reader (and this one) skip as comments.
    /// </summary>
    [Fact]
    public void Every_file_is_covered_and_the_folder_holds_71818_comparisons()
    {
        var folder = SharedData.Require(Folder);
        int total = 0;
        foreach (var path in Directory.GetFiles(folder, "*.txt"))
            total += File.ReadLines(path).Count(line => ScalibrLine.TryRead(line, out _));
        Assert.Equal(71_818, total);
        var covered = Files.Select(row => row.Data.Item1).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(Directory.GetFiles(folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal), covered);
    }
}
