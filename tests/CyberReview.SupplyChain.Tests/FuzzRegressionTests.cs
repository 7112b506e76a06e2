using System.Text;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Tests;

/// <summary>Replays every input the fuzzers found crashing (FuzzRegressions/&lt;target&gt;/), as fuzz/CyberReview.Fuzz reads them.</summary>
public sealed class FuzzRegressionTests
{
    private static readonly Dictionary<string, Action<Stream>> Targets = new(StringComparer.Ordinal)
    {
        ["cdx-json"] = Sbom,
        ["cdx-xml"] = Sbom,
        ["spdx-json"] = Sbom,
        ["osv-json"] = Osv,
        ["osv-yaml"] = Osv,
        ["vex"] = Vex,
        ["purl"] = Purl,
    };

    [Fact]
    public void Every_crashing_input_kept_from_fuzzing_is_now_read_or_refused_with_a_format_exception()
    {
        var folder = Path.Combine(SharedData.RepositoryRoot(), "tests", "CyberReview.SupplyChain.Tests", "FuzzRegressions");
        Assert.True(File.Exists(Path.Combine(folder, "README.md")), $"{folder} is missing");
        var failures = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(directory);
            Assert.True(Targets.TryGetValue(name, out var target), $"'{name}' is not a fuzz target");
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

    private static void Sbom(Stream input)
    {
        try
        {
            SbomReader.Read(input, SbomReadOptions.Default with { MaxBytes = 1 << 22 });
        }
        catch (SbomFormatException)
        {
        }
    }

    private static void Osv(Stream input)
    {
        try
        {
            var result = OsvReader.Read(input, "fuzz");
            if (result.IsAccepted)
                _ = AdvisoryIndex.Build([result.AcceptedAdvisory()]);
        }
        catch (AdvisoryFormatException)
        {
        }
    }

    private static void Vex(Stream input)
    {
        try
        {
            VexReader.Read(input);
        }
        catch (VexFormatException)
        {
        }
    }

    private static void Purl(Stream input)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false, false));
        var text = reader.ReadToEnd();
        if (PackageUrl.TryParse(text, out var purl))
            Assert.Equal(purl, PackageUrl.Parse(purl.ToString()));
        try
        {
            PackageUrl.Parse(text, PackageUrlParseMode.Lenient);
        }
        catch (PackageUrlFormatException)
        {
        }
    }
}
