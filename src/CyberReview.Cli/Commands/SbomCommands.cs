using System.CommandLine;
using System.Globalization;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.Cli.Commands;

/// <summary>
/// <c>cyberreview sbom analyze</c>: an SBOM against OSV advisories, VEX applied. Needs no database. Exit codes for CI:
/// 0 nothing remains at or above the threshold, 1 something does, 2 the input could not be read (the message says why).
/// </summary>
internal static class SbomCommands
{
    public const int Clean = 0;
    public const int FindingsRemain = 1;
    public const int BadInput = 2;

    private static readonly string[] Formats = ["table", "json", "sarif", "cdx-vdr"];

    public static Command Create(CommandHost host)
    {
        var file = new Argument<string>("FILE") { Description = "The SBOM: CycloneDX (JSON or XML) or SPDX (JSON), possibly gzipped; read by content, not by name." };
        var advisories = new Option<string[]>("--advisories")
        {
            Description = "OSV advisories: a record file, a folder or a zip archive (JSON or YAML). Repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var vex = new Option<string[]>("--vex")
        {
            Description = "A VEX document (OpenVEX, CycloneDX VEX or CSAF 2.0) whose statements apply to the findings. Repeat for several.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format") { Description = "What to write.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with 1 only when findings at or above this severity remain after VEX (unrated findings count); without it, any remaining finding does.",
        };
        failOn.AcceptOnlyFromAmong("low", "medium", "high", "critical");

        var analyze = new Command("analyze", "Match an SBOM's components to OSV advisories, apply VEX statements and report the findings and supply-chain facts.")
        {
            file, advisories, vex, format, output, failOn,
        };
        analyze.SetAction((parse, cancellationToken) => AnalyzeAsync(
            host.Console,
            new AnalyzeRequest(
                parse.GetRequiredValue(file),
                parse.GetValue(advisories) ?? [],
                parse.GetValue(vex) ?? [],
                parse.GetValue(format) ?? "table",
                parse.GetValue(output),
                ReportNames.ParseRating(parse.GetValue(failOn))),
            cancellationToken));

        return new Command("sbom", "Software bills of materials: analysis against advisories.") { analyze };
    }

    /// <summary>Whether a parse error of this command should exit with <see cref="BadInput"/> rather than the parser's own code.</summary>
    public static bool Owns(Command command) => command.Name == "analyze" && command.Parents.OfType<Command>().Any(p => p.Name == "sbom");

    private sealed record AnalyzeRequest(string File, string[] Advisories, string[] Vex, string Format, string? Output, SeverityRating? FailOn);

    private static async Task<int> AnalyzeAsync(CliConsole console, AnalyzeRequest request, CancellationToken cancellationToken)
    {
        Analysed analysed;
        try
        {
            analysed = await WorkProgress.RunAsync(console, progress => Task.Run(() => Analyse(request, progress, cancellationToken), cancellationToken));
        }
        catch (InputException refused)
        {
            await console.Error.WriteLineAsync(refused.Message);
            return BadInput;
        }

        if (analysed.RefusedAdvisories > 0)
            await console.Error.WriteLineAsync($"{analysed.RefusedAdvisories} advisory records were refused as invalid and left out (first: {analysed.FirstRefusal}).");
        var report = analysed.Report;
        try
        {
            if (request.Output is { } path)
            {
                await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                await WriteAsync(report, request, stream, cancellationToken);
            }
            else if (request.Format == "table")
            {
                await WriteTableAsync(report, console.Out);
            }
            else
            {
                using var buffer = new MemoryStream();
                await WriteAsync(report, request, buffer, cancellationToken);
                await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"Cannot write the report to '{request.Output}': {e.Message}");
            return BadInput;
        }

        var threshold = request.FailOn ?? SeverityRating.Unknown;
        var failing = report.CountRemainingAtOrAbove(threshold);
        if (failing > 0 && (request.Output is not null || request.Format != "table"))
            await console.Error.WriteLineAsync($"{failing} findings remain{(request.FailOn is { } rating ? $" at or above {ReportNames.Of(rating)}" : "")}.");
        return failing > 0 ? FindingsRemain : Clean;
    }

    private static async Task WriteAsync(SbomAnalysisReport report, AnalyzeRequest request, Stream stream, CancellationToken cancellationToken)
    {
        switch (request.Format)
        {
            case "json":
                AnalysisJson.Write(report, stream);
                break;
            case "sarif":
                AnalysisSarif.Write(report, stream, new Uri(Path.GetFullPath(request.File)).AbsoluteUri, ToolVersion());
                break;
            case "cdx-vdr":
                AnalysisVdr.Write(report, stream, Guid.NewGuid(), TimeProvider.System.GetUtcNow());
                break;
            default:
                await using (var writer = new StreamWriter(stream, leaveOpen: true))
                    await WriteTableAsync(report, writer);
                break;
        }
        await stream.FlushAsync(cancellationToken);
    }

    private static string ToolVersion() =>
        typeof(SbomAnalysis).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    private sealed record Analysed(SbomAnalysisReport Report, int RefusedAdvisories, string? FirstRefusal);

    private sealed class InputException(string message) : Exception(message);

    private static Analysed Analyse(AnalyzeRequest request, WorkProgress progress, CancellationToken cancellationToken)
    {
        var reading = progress.Start($"Reading {Path.GetFileName(request.File)}");
        Sbom sbom;
        try
        {
            sbom = SbomReader.ReadFile(request.File);
        }
        catch (Exception e) when (e is SbomFormatException or IOException or UnauthorizedAccessException)
        {
            throw new InputException($"Cannot read the SBOM '{request.File}': {e.Message}");
        }
        reading.Complete();

        var accepted = new List<Advisory>();
        var refused = 0;
        string? firstRefusal = null;
        foreach (var path in request.Advisories)
        {
            var step = progress.Start($"Reading advisories in {Path.GetFileName(Path.TrimEndingDirectorySeparator(path))}", CountFiles(path));
            try
            {
                foreach (var result in AdvisorySource.Read(path))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    step.Advance();
                    if (result.IsAccepted)
                    {
                        accepted.Add(result.Advisory!);
                    }
                    else
                    {
                        refused++;
                        firstRefusal ??= $"{result.Source}: {(result.Problems.Count > 0 ? result.Problems[0] : "refused")}";
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or AdvisoryFormatException or InvalidDataException)
            {
                throw new InputException($"Cannot read the advisories at '{path}': {e.Message}");
            }
            step.Complete();
        }

        var statements = new List<VexStatement>();
        foreach (var path in request.Vex)
        {
            try
            {
                statements.AddRange(VexReader.Read(path).Statements);
            }
            catch (Exception e) when (e is VexFormatException or IOException or UnauthorizedAccessException)
            {
                throw new InputException($"Cannot read the VEX document '{path}': {e.Message}");
            }
        }

        var indexing = progress.Start($"Indexing {accepted.Count:N0} advisories");
        var index = AdvisoryIndex.Build(accepted);
        indexing.Complete();
        var matching = progress.Start($"Matching {sbom.Components.Count:N0} components");
        var report = SbomAnalysis.Analyse(sbom, new AdvisoryMatcher(index), statements.Count > 0 ? new VexApplication(statements) : null);
        matching.Complete();
        return new Analysed(report, refused, firstRefusal);
    }

    // The bar's length for a folder: its files (a zip or a single file is one step of unknown length).
    private static double? CountFiles(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Count() : null;

    private static async Task WriteTableAsync(SbomAnalysisReport report, TextWriter output)
    {
        var sbom = report.Sbom;
        await output.WriteLineAsync($"SBOM: {sbom.Name ?? "(unnamed)"} ({sbom.Format} {sbom.SpecVersion}), {sbom.Components.Count:N0} components; {report.AdvisoryCount:N0} advisories.");
        await output.WriteLineAsync();
        if (report.Findings.Count == 0)
        {
            await output.WriteLineAsync("No component is affected by the advisories given.");
        }
        else
        {
            var rows = report.Findings.Select(f => (IReadOnlyList<string>)
            [
                ReportNames.Of(f.Severity.Rating).ToUpperInvariant(),
                f.Severity.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                f.Component.Purl is { } purl ? $"{(purl.Namespace is null ? "" : purl.Namespace + "/")}{purl.Name}" : f.Component.Name,
                f.Component.Purl?.Version ?? f.Component.Version ?? "-",
                f.Advisory.Id,
                f.Advisory.Aliases.FirstOrDefault(a => a.StartsWith("CVE-", StringComparison.Ordinal)) ?? "-",
                f.FixedVersions.Count > 0 ? string.Join(", ", f.FixedVersions) : "-",
                f.Vex is { } vex ? ReportNames.Of(vex.Status) + (vex.Justification is { } why ? $" ({why})" : "") : "-",
            ]).ToList();
            await TextTable.WriteAsync(output, ["SEVERITY", "SCORE", "COMPONENT", "VERSION", "ADVISORY", "CVE", "FIXED IN", "VEX"], rows);
            await output.WriteLineAsync();
            var remaining = report.Remaining.ToList();
            await output.WriteLineAsync($"{report.Findings.Count} findings; {remaining.Count} remain after VEX ({string.Join(", ", remaining.GroupBy(f => f.Severity.Rating).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {ReportNames.Of(g.Key)}"))}).");
        }

        if (report.UnknownVersions.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{report.UnknownVersions.Count} components that advisories name could not be checked (unknown version):");
            foreach (var unknown in report.UnknownVersions)
                await output.WriteLineAsync($"  {SbomAnalysis.Key(unknown.Component)}: {unknown.Reason} [{string.Join(", ", unknown.AdvisoryIds.Take(5))}{(unknown.AdvisoryIds.Count > 5 ? ", …" : "")}]");
        }

        var facts = report.Facts;
        await output.WriteLineAsync();
        await output.WriteLineAsync("Supply chain:");
        await output.WriteLineAsync($"  Components without supplier: {facts.ComponentsWithoutSupplier.Count:N0} of {facts.ComponentCount:N0}");
        await output.WriteLineAsync($"  Components without package URL: {facts.ComponentsWithoutPurl:N0}");
        var concerns = facts.LicenceConcerns.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Count());
        await output.WriteLineAsync($"  Licence concerns: {concerns.GetValueOrDefault(LicenceConcernKind.Denied)} denied, {concerns.GetValueOrDefault(LicenceConcernKind.ForReview)} for review, {concerns.GetValueOrDefault(LicenceConcernKind.NoLicence)} without licence");
        foreach (var denied in facts.LicenceConcerns.Where(c => c.Kind == LicenceConcernKind.Denied).Take(10))
            await output.WriteLineAsync($"    denied: {SbomAnalysis.Key(denied.Component)} ({string.Join(", ", denied.Licences)})");
        await output.WriteLineAsync($"  Dependency depth: {facts.DependencyDepth}");
        await output.WriteLineAsync($"  Ecosystems: {string.Join(", ", facts.ComponentsByEcosystem.OrderByDescending(p => p.Value).Select(p => $"{(p.Key.Length == 0 ? "(no purl)" : p.Key)} {p.Value:N0}"))}");
        if (facts.Suppliers.Count > 0)
        {
            await output.WriteLineAsync($"  Supplier concentration (HHI): {facts.SupplierConcentration.ToString("0.000", CultureInfo.InvariantCulture)}; largest: {string.Join(", ", facts.Suppliers.Take(5).Select(s => $"{s.Supplier} {s.Share.ToString("P0", CultureInfo.InvariantCulture)}"))}");
        }
    }
}
