using System.Diagnostics;
using System.IO.Compression;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Sboms;

namespace CyberReview.Bench;

/// <summary>
/// The 7,994-package SPDX of redhat-sboms against every advisory in shared/data: parsing alone (SBOM, advisories,
/// index) as the baseline, then parsing plus analysis, in the same run; and the memory the whole analysis needs.
/// </summary>
internal static class SbomBenchmark
{
    private const string SbomPath = "redhat-sboms/openshift-container-storage-4.8.z.json.gz";

    public static void Run(int rounds)
    {
        var data = SharedDataFolder.Root();
        var sbomPath = Path.Combine(data, SbomPath);
        var folders = SharedDataFolder.AdvisoryFolders.Select(f => Path.Combine(data, f)).ToArray();
        var sbomBytes = UncompressedSize(sbomPath);
        var advisoryBytes = folders.Sum(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length));
        Console.WriteLine($"== sbom: {SbomPath} ({sbomBytes / 1e6:0.0} MB uncompressed) against {folders.Length} advisory folders ({advisoryBytes / 1e6:0.0} MB on disk)");
        Console.WriteLine($"   machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        // Memory first, in a fresh process state: the working set before any work, and the managed heap sampled while one full analysis runs.
        using var self = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        self.Refresh();
        var workingSetBefore = self.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(true);
        long heapPeak = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!sampling.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                Thread.Sleep(2);
            }
        }) { IsBackground = true };
        sampler.Start();
        var (report, advisories) = Analyse(sbomPath, folders, analyse: true);
        sampling.Cancel();
        sampler.Join();
        var heapRetained = GC.GetTotalMemory(true) - heapBefore;
        self.Refresh();
        var workingSetPeakDelta = self.PeakWorkingSet64 - workingSetBefore;
        Console.WriteLine($"   {report!.Sbom.Components.Count:N0} components, {advisories:N0} advisories indexed; {report.Findings.Count:N0} findings, {report.UnknownVersions.Count:N0} unknown versions");
        Console.WriteLine($"   memory: peak managed heap (sampled every 2 ms) {(heapPeak - heapBefore) / 1e6:0.0} MB above the start = {(double)(heapPeak - heapBefore) / sbomBytes:0.0}x the SBOM");
        Console.WriteLine($"           live after analysis (SBOM model + report; index dropped) {heapRetained / 1e6:0.0} MB = {(double)heapRetained / sbomBytes:0.0}x the SBOM");
        Console.WriteLine($"           peak working set {self.PeakWorkingSet64 / 1e6:0.0} MB; delta over the start {workingSetPeakDelta / 1e6:0.0} MB = {(double)workingSetPeakDelta / sbomBytes:0.0}x the SBOM (includes JIT, GC slack)");
        GC.KeepAlive(report);
        report = null;

        // Time: the baseline (parse only) and the whole analysis, alternated, the median of each.
        var parseOnly = new List<double>();
        var total = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            Analyse(sbomPath, folders, analyse: false);
            parseOnly.Add(clock.Elapsed.TotalMilliseconds);
            GC.Collect();
            clock.Restart();
            Analyse(sbomPath, folders, analyse: true);
            total.Add(clock.Elapsed.TotalMilliseconds);
        }
        var baseline = Median(parseOnly);
        var whole = Median(total);
        Console.WriteLine($"   parse only (SBOM + advisories + index): median {baseline:N0} ms of {rounds} ({string.Join(", ", parseOnly.Select(t => t.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"   parse + analysis:                       median {whole:N0} ms of {rounds} ({string.Join(", ", total.Select(t => t.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"   ratio total / parse-only: {whole / baseline:0.00}x (goal <= 2x)");

        // The analysis step alone, on inputs already parsed: less exposed to the machine's load than the difference of two medians.
        var sbom = SbomReader.ReadFile(sbomPath);
        var index = AdvisoryIndex.Build(folders.SelectMany(f => AdvisorySource.ReadAccepted(f)));
        var alone = new List<double>();
        for (var round = 0; round < Math.Max(rounds, 5); round++)
        {
            var clock = Stopwatch.StartNew();
            SbomAnalysis.Analyse(sbom, index);
            alone.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"   analysis alone (fresh matcher each time: ranges prepared, match, VEX, facts): median {Median(alone):N1} ms; (parse + analysis alone) / parse = {(baseline + Median(alone)) / baseline:0.00}x");
    }

    private static (SbomAnalysisReport? Report, int Advisories) Analyse(string sbomPath, string[] folders, bool analyse)
    {
        var sbom = SbomReader.ReadFile(sbomPath);
        var index = AdvisoryIndex.Build(folders.SelectMany(f => AdvisorySource.ReadAccepted(f)));
        return analyse ? (SbomAnalysis.Analyse(sbom, index), index.AdvisoryCount) : (null, index.AdvisoryCount);
    }

    private static long UncompressedSize(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = gzip.Read(buffer)) > 0)
            size += read;
        return size;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
