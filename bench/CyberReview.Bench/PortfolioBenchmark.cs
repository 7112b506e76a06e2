using System.Diagnostics;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Purls;
using CyberReview.SupplyChain.Sboms;

namespace CyberReview.Bench;

/// <summary>
/// Online monitoring: a portfolio of SYNTHETIC SBOMs built deterministically from the real ones in shared/data, held as
/// compact component lists, re-matched after an advisory import (the RustSec corpus imported on top of the others).
/// </summary>
/// <remarks>
/// Synthetic SBOM i takes real SBOM (i mod n)'s components, keeps about 7 in 8 of them and gives each one of three
/// versions: the real one, its last number one lower, or one higher (a hash of i and the component decides). The
/// component variants are built once and shared; an SBOM is an array of indexes into them.
/// </remarks>
internal static class PortfolioBenchmark
{
    private static readonly string[] SbomFolders = ["redhat-sboms", "cyclonedx-bom-examples/SBOM", "bom-shelter", "dependency-track-testdata"];

    public static void Run(int portfolioSize)
    {
        var data = SharedDataFolder.Root();
        Console.WriteLine($"== portfolio: {portfolioSize:N0} synthetic SBOMs built from the real ones; load average {SbomBenchmark.LoadAverage()}, {Environment.ProcessorCount} cores");

        var clock = Stopwatch.StartNew();
        var reals = new List<Sbom>();
        foreach (var folder in SbomFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(data, folder), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                try
                {
                    var sbom = SbomReader.ReadFile(file, SbomReadOptions.Default with { Schema = SbomSchemaCheck.Report });
                    if (sbom.Components.Count(c => c.Purl is not null) >= 10)
                        reals.Add(sbom);
                }
                catch (SbomFormatException)
                {
                    // Not an SBOM (READMEs, CSVs, VEX) or refused: not a base for the portfolio.
                }
            }
        }
        Console.WriteLine($"   {reals.Count} real SBOMs with 10 or more purls read in {clock.Elapsed.TotalSeconds:0.0} s ({reals.Sum(s => s.Components.Count):N0} components)");

        // The shared pool: three version variants of every real component with a purl.
        clock.Restart();
        var pool = new List<SbomComponent>();
        var offsets = new List<(int Start, int Count)>();
        foreach (var sbom in reals)
        {
            var start = pool.Count;
            var count = 0;
            foreach (var component in sbom.Components)
            {
                if (component.Purl is not { } purl)
                    continue;
                var version = purl.Version ?? component.Version;
                pool.Add(component);
                pool.Add(Variant(component, purl, version, -1));
                pool.Add(Variant(component, purl, version, +1));
                count++;
            }
            offsets.Add((start, count));
        }
        var portfolio = new int[portfolioSize][];
        long components = 0;
        for (var i = 0; i < portfolioSize; i++)
        {
            var (start, count) = offsets[i % offsets.Count];
            var list = new List<int>(count);
            for (var j = 0; j < count; j++)
            {
                var mix = Mix(i, j);
                if (mix % 8 == 0)
                    continue;
                list.Add(start + (j * 3) + (int)(mix / 8 % 3));
            }
            portfolio[i] = [.. list];
            components += list.Count;
        }
        Console.WriteLine($"   built in {clock.Elapsed.TotalSeconds:0.0} s: {components:N0} component references ({components * 4 / 1e6:0} MB of indexes), {pool.Count:N0} distinct component variants");

        var folders = SharedDataFolder.AdvisoryFolders.Select(f => Path.Combine(data, f)).ToArray();
        var imported = folders.Single(f => f.EndsWith("osv-rustsec/crates", StringComparison.Ordinal));
        clock.Restart();
        var before = AdvisoryIndex.Build(folders.Where(f => f != imported).SelectMany(f => AdvisorySource.ReadAccepted(f)));
        Console.WriteLine($"   index before the import: {before.AdvisoryCount:N0} advisories, {before.PackageCount:N0} packages ({clock.Elapsed.TotalSeconds:0.0} s)");
        var (beforeTime, beforeCounts) = MatchAll(new AdvisoryMatcher(before), portfolio, pool);
        Console.WriteLine($"   matching before the import: {beforeTime:0.00} s, {beforeCounts.Sum():N0} findings");

        clock.Restart();
        var after = AdvisoryIndex.Build(folders.SelectMany(f => AdvisorySource.ReadAccepted(f)));
        var importTime = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"   import of {imported[(data.Length + 1)..]}: index rebuilt over {after.AdvisoryCount:N0} advisories in {importTime:0.0} s");
        var (afterTime, afterCounts) = MatchAll(new AdvisoryMatcher(after), portfolio, pool);
        var changed = afterCounts.Where((count, i) => count > beforeCounts[i]).Count();
        Console.WriteLine($"   re-matching all {portfolioSize:N0} SBOMs after the import: {afterTime:0.00} s ({components / afterTime / 1e6:0.0} M components/s), {afterCounts.Sum():N0} findings; {changed:N0} SBOMs have new ones");
        Console.WriteLine($"   import + re-match: {importTime + afterTime:0.0} s (goal < 60 s)");
    }

    private static (double Seconds, int[] Findings) MatchAll(AdvisoryMatcher matcher, int[][] portfolio, List<SbomComponent> pool)
    {
        var findings = new int[portfolio.Length];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, portfolio.Length, i =>
        {
            var count = 0;
            foreach (var index in portfolio[i])
            {
                if (matcher.Match(pool[index]) is { } match)
                    count += match.Matches.Count;
            }
            findings[i] = count;
        });
        return (clock.Elapsed.TotalSeconds, findings);
    }

    private static SbomComponent Variant(SbomComponent component, PackageUrl purl, string? version, int step)
    {
        if (version is null || Shift(version, step) is not { } shifted)
            return component;
        try
        {
            var varied = PackageUrl.Create(purl.Type, purl.Namespace, purl.Name, shifted, purl.Qualifiers, purl.Subpath);
            return new SbomComponent { Id = component.Id, Name = component.Name, Group = component.Group, Version = shifted, Purl = varied, Supplier = component.Supplier };
        }
        catch (PackageUrlFormatException)
        {
            return component;
        }
    }

    /// <summary>The version with its last run of digits moved by <paramref name="step"/>; null when it has none or would go below 0.</summary>
    private static string? Shift(string version, int step)
    {
        var end = version.Length;
        while (end > 0 && !char.IsAsciiDigit(version[end - 1]))
            end--;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(version[start - 1]))
            start--;
        if (end == start || end - start > 9)
            return null;
        var number = int.Parse(version.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture) + step;
        return number < 0 ? null : string.Concat(version.AsSpan(0, start), number.ToString(System.Globalization.CultureInfo.InvariantCulture), version.AsSpan(end));
    }

    private static uint Mix(int i, int j)
    {
        var x = (uint)i * 0x9E3779B1u ^ (uint)j * 0x85EBCA77u;
        x ^= x >> 15;
        x *= 0x2C1B3C6Du;
        x ^= x >> 12;
        return x;
    }
}
