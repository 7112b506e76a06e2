using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Evidence;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Sboms;
using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Analysis;
using CyberReview.SupplyChain.Sboms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// Analyses one attached SBOM: claims it (so one worker of several runs it), reads it from the vault, matches its
/// components against the cached advisory index with progress written as it goes, and records the issues, the
/// packages monitoring looks up, the summary, and a proposal per new issue on every open case about the version.
/// A file that does not read is recorded as Failed with the reader's reason.
/// </summary>
public sealed partial class SbomAnalyst(ReviewDbContext db, EvidenceVault vault, AdvisoryIndexCache advisories, TimeProvider clock,
    IOptions<SupplyChainOptions> options, ILogger<SbomAnalyst> logger)
{
    // Progress is written every this many components: often enough to watch, rarely enough not to slow the match.
    private const int ProgressStep = 250;
    private const int ListedComponents = 50;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(Guid sbomId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var staleBefore = now - options.Value.StaleAfter;
        var claimed = await db.ProductSboms
            .Where(s => s.Id == sbomId && (s.Status == SbomAnalysisStatus.Queued || (s.Status == SbomAnalysisStatus.Running && s.StartedAt < staleBefore)))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SbomAnalysisStatus.Running).SetProperty(x => x.StartedAt, now).SetProperty(x => x.ComponentsDone, 0), cancellationToken);
        if (claimed == 0)
            return;
        var sbom = await db.ProductSboms.SingleAsync(s => s.Id == sbomId, cancellationToken);
        try
        {
            await AnalyseAsync(sbom, cancellationToken);
        }
        catch (Exception e) when (Readable(e) is { } reason)
        {
            db.ChangeTracker.Clear();
            await FailAsync(sbomId, reason, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.Failed(logger, e, sbomId);
            db.ChangeTracker.Clear();
            await FailAsync(sbomId, "The analysis stopped on an internal error; attach the SBOM again, or ask the operator to look at the log.", cancellationToken);
        }
    }

    private static string? Readable(Exception e) => e switch
    {
        SbomFormatException format => $"The file is not an SBOM that can be read: {format.Message}",
        EvidenceIntegrityException integrity => $"The stored file could not be read back from the vault: {integrity.Message}",
        _ => null,
    };

    private async Task FailAsync(Guid sbomId, string reason, CancellationToken cancellationToken)
    {
        var error = reason.Length <= ProductSbom.MaxErrorLength ? reason : reason[..(ProductSbom.MaxErrorLength - 1)] + "…";
        var at = clock.GetUtcNow();
        await db.ProductSboms.Where(s => s.Id == sbomId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SbomAnalysisStatus.Failed).SetProperty(x => x.Error, error).SetProperty(x => x.FinishedAt, at), cancellationToken);
    }

    private async Task AnalyseAsync(ProductSbom row, CancellationToken cancellationToken)
    {
        Sbom sbom;
        await using (var content = await vault.OpenAsync(row.Binding, row.BlobAddress, row.WrappedKey, cancellationToken))
            sbom = SbomReader.Read(content);
        var total = sbom.Components.Count;
        await db.ProductSboms.Where(s => s.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ComponentsTotal, total), cancellationToken);

        var matcher = new AdvisoryMatcher(await advisories.GetAsync(db, cancellationToken));
        var findings = new List<VulnerabilityFinding>();
        for (var i = 0; i < total; i++)
        {
            if (matcher.Match(sbom.Components[i]) is { } match)
            {
                foreach (var found in match.Matches)
                    findings.Add(new VulnerabilityFinding(match.Component, found.Advisory, found.Severity, found.FixedVersions, null));
            }
            if ((i + 1) % ProgressStep == 0 && i + 1 < total)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var done = i + 1;
                await db.ProductSboms.Where(s => s.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ComponentsDone, done), cancellationToken);
            }
        }
        var facts = SupplyChainFacts.Of(sbom);
        var issues = Issues(row, findings, facts);
        var now = clock.GetUtcNow();
        foreach (var issue in issues)
            db.SbomIssues.Add(issue);
        foreach (var package in Packages(row, sbom))
            db.SbomPackages.Add(package);
        row.Summary = JsonSerializer.Serialize(Summarise(facts, findings, matcher.Index.AdvisoryCount), Json);
        row.Format = $"{sbom.Format} {sbom.SpecVersion}";
        row.ComponentsTotal = total;
        row.ComponentsDone = total;
        row.Status = SbomAnalysisStatus.Done;
        row.FinishedAt = now;
        row.Error = null;
        await ProposeAsync(row, issues, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static SbomFacts Summarise(SupplyChainFacts facts, List<VulnerabilityFinding> findings, int advisoryCount)
    {
        var suppliers = facts.Suppliers.Select(s => new Share(s.Supplier, s.Components, s.Share)).ToList();
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s.ToString(), s => findings.Count(f => SeverityRatings.ToSeverity(f.Severity.Rating) == s));
        return new SbomFacts(
            facts.ComponentCount, facts.ComponentsWithoutSupplier.Count, facts.ComponentsWithoutPurl, facts.DependencyDepth,
            suppliers, suppliers.Count > 0 ? suppliers[0].Fraction : null,
            [.. facts.ComponentsByEcosystem.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new EcosystemCount(e.Key, e.Value))],
            findings.Select(f => SbomAnalysis.Key(f.Component)).Distinct(StringComparer.Ordinal).Count(),
            bySeverity, advisoryCount);
    }

    private static List<SbomIssue> Issues(ProductSbom row, List<VulnerabilityFinding> findings, SupplyChainFacts facts)
    {
        var issues = new Dictionary<string, SbomIssue>(StringComparer.Ordinal);
        void Add(SbomIssue issue) => issues.TryAdd(issue.Key, issue);

        foreach (var finding in findings)
        {
            var subject = SbomAnalysis.Key(finding.Component);
            var advisory = finding.Advisory;
            Add(new SbomIssue
            {
                Id = Guid.CreateVersion7(),
                SbomId = row.Id,
                Kind = ProposalKind.Vulnerability,
                Key = KeyOf(["vulnerability", subject, advisory.Id]),
                Subject = Clip(subject, 1000),
                AdvisoryId = advisory.Id,
                Aliases = Listed(string.Join(", ", advisory.Aliases), 1000),
                Severity = SeverityRatings.ToSeverity(finding.Severity.Rating),
                Rating = finding.Severity.Rating.ToString(),
                Score = finding.Severity.Score,
                FixedVersions = Listed(string.Join(", ", finding.FixedVersions), 1000),
                Detail = Clip(advisory.Summary ?? advisory.Details ?? advisory.Id, SbomIssue.MaxTextLength),
            });
        }
        if (facts.ComponentsWithoutSupplier.Count > 0)
        {
            var keys = facts.ComponentsWithoutSupplier.Select(SbomAnalysis.Key).Order(StringComparer.Ordinal).ToList();
            Add(Aggregate(row, ProposalKind.NoSupplier, KeyOf(["no-supplier", .. keys]), $"{keys.Count} of {facts.ComponentCount}", keys));
        }
        foreach (var concern in facts.LicenceConcerns.GroupBy(c => c.Kind).OrderBy(g => g.Key))
        {
            var keys = concern.Select(c => SbomAnalysis.Key(c.Component) + (c.Licences.Count > 0 ? $" ({string.Join(", ", c.Licences)})" : "")).Order(StringComparer.Ordinal).ToList();
            Add(Aggregate(row, ProposalKind.Licence, KeyOf(["licence", concern.Key.ToString(), .. keys]), $"{concern.Key}: {keys.Count} of {facts.ComponentCount}", keys));
        }
        if (SupplyChainRules.IsExcessiveDepth(facts.DependencyDepth))
        {
            var depth = facts.DependencyDepth.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add(Aggregate(row, ProposalKind.DependencyDepth, KeyOf(["depth", depth]), depth, []));
        }
        return [.. issues.Values];
    }

    private static SbomIssue Aggregate(ProductSbom row, ProposalKind kind, string key, string subject, List<string> components) => new()
    {
        Id = Guid.CreateVersion7(),
        SbomId = row.Id,
        Kind = kind,
        Key = key,
        Subject = subject,
        Severity = SupplyChainRules.SeverityOf(kind),
        Detail = Clip(string.Join(", ", components.Take(ListedComponents)) + (components.Count > ListedComponents ? $", … ({components.Count - ListedComponents} more)" : ""), SbomIssue.MaxTextLength),
    };

    // The identity of an issue across analyses: what it is about, not which file or run found it.
    private static string KeyOf(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));

    private static IEnumerable<SbomPackage> Packages(ProductSbom row, Sbom sbom)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in sbom.Components)
        {
            if (component.Purl is not { } purl || PackageKey.For(purl) is not { } key || key.Name.Length > Data.Advisories.ImportedAdvisoryPackage.MaxNameLength)
                continue;
            var text = purl.ToString();
            if (text.Length > 2000 || !seen.Add(text))
                continue;
            yield return new SbomPackage { Id = Guid.CreateVersion7(), SbomId = row.Id, Ecosystem = key.Ecosystem, Name = key.Name, Purl = text };
        }
    }

    /// <summary>Each open case about the version gets the issues it has not had yet (by key), with a line on its timeline.</summary>
    private async Task ProposeAsync(ProductSbom row, List<SbomIssue> issues, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (issues.Count == 0)
            return;
        var final = Enum.GetValues<CaseState>().Where(CaseWorkflow.IsFinal).ToList();
        var cases = await db.Cases.Where(c => c.Versions.Any(v => v.ProductVersionId == row.ProductVersionId) && !final.Contains(c.State))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        if (cases.Count == 0)
            return;
        var keys = issues.Select(i => i.Key).ToList();
        var proposed = (await db.SupplyChainProposals.Where(p => cases.Contains(p.CaseId) && keys.Contains(p.Key)).Select(p => new { p.CaseId, p.Key }).ToListAsync(cancellationToken))
            .Select(p => (p.CaseId, p.Key)).ToHashSet();
        foreach (var caseId in cases)
        {
            var fresh = issues.Where(i => !proposed.Contains((caseId, i.Key))).ToList();
            if (fresh.Count == 0)
                continue;
            foreach (var issue in fresh)
            {
                db.SupplyChainProposals.Add(new SupplyChainProposal
                {
                    Id = Guid.CreateVersion7(now), CaseId = caseId, IssueId = issue.Id, Key = issue.Key, Status = ProposalStatus.Proposed, ProposedAt = now,
                });
            }
            // Added as a row of its own rather than through the case, so that the worker never races a person changing the case.
            db.Set<CaseEvent>().Add(new CaseEvent
            {
                Id = Guid.CreateVersion7(now), CaseId = caseId, At = now, ActorName = CaseEvent.SystemName, ActorPart = CaseActor.System,
                What = Evaluation.EvaluationCommands.EventPrefix + "SupplyChainProposed",
                Reason = $"{fresh.Count} × {row.FileName}",
            });
        }
    }

    private static string? Listed(string text, int length) => text.Length == 0 ? null : Clip(text, length);

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The analysis of SBOM {SbomId} failed")]
        public static partial void Failed(ILogger logger, Exception exception, Guid sbomId);
    }
}
