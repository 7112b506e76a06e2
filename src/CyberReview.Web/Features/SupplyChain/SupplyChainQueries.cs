using System.Security.Claims;
using System.Text.Json;
using CyberReview.Data;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Sboms;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>An attached SBOM and where its analysis stands.</summary>
public sealed record SbomStatus(
    Guid Id, Guid ProductVersionId, string FileName, string Sha256, long Size, string? Format, string UploadedBy, DateTimeOffset UploadedAt,
    SbomAnalysisStatus Status, int ComponentsDone, int ComponentsTotal, string? Error, DateTimeOffset? FinishedAt);

/// <summary>A version's supply chain: its SBOMs, and the summary of the latest finished analysis with the declared countries of origin.</summary>
public sealed record VersionSupplyChain(
    Guid ProductId, string Product, Guid VersionId, string Version, IReadOnlyList<SbomStatus> Sboms, Guid? SummarySbomId, SbomFacts? Summary,
    IReadOnlyList<Share> Countries, double? TopCountryShare);

/// <summary>A proposed finding as the case shows it.</summary>
public sealed record ProposalView(
    Guid Id, ProposalKind Kind, ProposalStatus Status, string CriterionId, Severity Severity, string Subject, string? AdvisoryId, string? Aliases,
    string? Rating, double? Score, string? FixedVersions, string Detail, Guid SbomId, string SbomFileName, Guid ProductVersionId,
    DateTimeOffset ProposedAt, Guid? FindingId, string? Reason, DateTimeOffset? DecidedAt);

public sealed record ProposalList(IReadOnlyList<ProposalView> Items, int Total, int Page, int PageSize);

/// <summary>The supply-chain section of a case: the SBOMs of its versions, and its proposals counted by status.</summary>
public sealed record CaseSupplyChain(Guid CaseId, string Number, string Title, IReadOnlyList<SbomStatus> Sboms, IReadOnlyDictionary<string, int> Proposals, bool SeesProposals, bool MayAttach,
    IReadOnlyList<VersionRef> Versions);

public sealed record AlertView(
    Guid Id, Guid ProductId, string Product, Guid ProductVersionId, string Version, string AdvisoryId, string? Aliases, Severity Severity, double? Score,
    IReadOnlyList<string> Components, string? FixedVersions, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? Note);

public sealed record AlertList(IReadOnlyList<AlertView> Items, int Total, int Page, int PageSize);

public sealed class SupplyChainQueries(ReviewDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<VersionSupplyChain?> VersionAsync(ClaimsPrincipal user, Guid versionId, CancellationToken cancellationToken)
    {
        if (await SupplyChainAccess.VersionAsync(db, user, versionId, cancellationToken) is not { } version)
            return null;
        var sboms = await StatusesAsync(db.ProductSboms.Where(s => s.ProductVersionId == versionId), cancellationToken);
        var latest = sboms.Where(s => s.Status == SbomAnalysisStatus.Done).MaxBy(s => (s.UploadedAt, s.Id));
        SbomFacts? summary = null;
        if (latest is not null && await db.ProductSboms.Where(s => s.Id == latest.Id).Select(s => s.Summary).SingleAsync(cancellationToken) is { } json)
            summary = JsonSerializer.Deserialize<SbomFacts>(json, SbomAnalyst.Json);
        // SBOMs name suppliers but not countries: the countries are those the provider declared for the version's components.
        var declared = await db.ProductVersions.Where(v => v.Id == versionId).SelectMany(v => v.Components).Select(c => c.CountryOfOrigin).ToListAsync(cancellationToken);
        var countries = declared.GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => new Share(g.Key, g.Count(), (double)g.Count() / declared.Count))
            .OrderByDescending(s => s.Components).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        return new VersionSupplyChain(version.ProductId, version.Product, version.Id, version.Version, sboms, latest?.Id, summary,
            countries, countries.Count > 0 ? countries[0].Fraction : null);
    }

    /// <summary>Whether the user is the provider of the version's product (who may attach SBOMs to it).</summary>
    public async Task<bool> IsProviderAsync(ClaimsPrincipal user, Guid versionId, CancellationToken cancellationToken) =>
        await SupplyChainAccess.VersionAsync(db, user, versionId, cancellationToken) is { } version && SupplyChainAccess.IsProvider(user, version);

    public async Task<SbomStatus?> SbomAsync(ClaimsPrincipal user, Guid versionId, Guid sbomId, CancellationToken cancellationToken) =>
        await SupplyChainAccess.VersionAsync(db, user, versionId, cancellationToken) is null
            ? null
            : (await StatusesAsync(db.ProductSboms.Where(s => s.Id == sbomId && s.ProductVersionId == versionId), cancellationToken)).SingleOrDefault();

    /// <summary>The case's section; null when the case does not exist for the user.</summary>
    public async Task<CaseSupplyChain?> CaseAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var scope = await EvaluationScope.ForAsync(db, user, caseId, cancellationToken);
        if (scope is null)
            return null;
        var versions = await db.Cases.Where(c => c.Id == caseId).SelectMany(c => c.Versions)
            .Join(db.ProductVersions, cv => cv.ProductVersionId, v => v.Id, (_, v) => v)
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new VersionRef(v.Id, p.Id, v.Version, p.Name, p.ProviderId))
            .ToListAsync(cancellationToken);
        var ids = versions.Select(v => v.Id).ToList();
        var sboms = await StatusesAsync(db.ProductSboms.Where(s => ids.Contains(s.ProductVersionId)), cancellationToken);
        var counts = new Dictionary<string, int>();
        if (scope.SeesWork)
        {
            var byStatus = await db.SupplyChainProposals.Where(p => p.CaseId == caseId).GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            foreach (var status in Enum.GetValues<ProposalStatus>())
                counts[status.ToString()] = byStatus.SingleOrDefault(s => s.Key == status)?.Count ?? 0;
        }
        return new CaseSupplyChain(caseId, scope.Number, scope.Title, sboms, counts, scope.SeesWork, scope.MayEvaluate, versions);
    }

    /// <summary>The case's proposals, for those who see its evaluation work; null otherwise.</summary>
    public async Task<ProposalList?> ProposalsAsync(ClaimsPrincipal user, Guid caseId, ProposalStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (await EvaluationScope.ForAsync(db, user, caseId, cancellationToken) is not { SeesWork: true })
            return null;
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
        var query = db.SupplyChainProposals.Where(p => p.CaseId == caseId);
        if (status is { } wanted)
            query = query.Where(p => p.Status == wanted);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(p => p.Status).ThenByDescending(p => p.Issue.Severity).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Status, p.ProposedAt, p.FindingId, p.Reason, p.DecidedAt, p.Issue,
                Sbom = db.ProductSboms.Where(s => s.Id == p.Issue.SbomId).Select(s => new { s.FileName, s.ProductVersionId }).Single() })
            .ToListAsync(cancellationToken);
        return new ProposalList([.. rows.Select(r => new ProposalView(r.Id, r.Issue.Kind, r.Status, SupplyChainRules.Criterion(r.Issue.Kind), r.Issue.Severity, r.Issue.Subject,
            r.Issue.AdvisoryId, r.Issue.Aliases, r.Issue.Rating, r.Issue.Score, r.Issue.FixedVersions, r.Issue.Detail, r.Issue.SbomId, r.Sbom.FileName, r.Sbom.ProductVersionId,
            r.ProposedAt, r.FindingId, r.Reason, r.DecidedAt))], total, page, pageSize);
    }

    /// <summary>The office's monitoring alerts, unacknowledged first, newest first; null for anyone else.</summary>
    public async Task<AlertList?> AlertsAsync(ClaimsPrincipal user, Guid? productId, bool? acknowledged, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!user.Has(Capability.RunReviews))
            return null;
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, MaxPageSize));
        var query = db.MonitoringAlerts.AsQueryable();
        if (productId is { } product)
            query = query.Where(a => a.ProductId == product);
        if (acknowledged is { } done)
            query = done ? query.Where(a => a.AcknowledgedAt != null) : query.Where(a => a.AcknowledgedAt == null);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(a => a.AcknowledgedAt != null).ThenByDescending(a => a.RaisedAt).ThenBy(a => a.AdvisoryId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Join(db.ProductVersions, a => a.ProductVersionId, v => v.Id, (a, v) => new { a, v.Version })
            .Join(db.Products, x => x.a.ProductId, p => p.Id, (x, p) => new { x.a, x.Version, p.Name })
            .ToListAsync(cancellationToken);
        return new AlertList([.. rows.Select(r => new AlertView(r.a.Id, r.a.ProductId, r.Name, r.a.ProductVersionId, r.Version, r.a.AdvisoryId, r.a.Aliases, r.a.Severity, r.a.Score,
            r.a.Components.Split(", ", StringSplitOptions.RemoveEmptyEntries), r.a.FixedVersions, r.a.RaisedAt, r.a.AcknowledgedAt, r.a.Note))], total, page, pageSize);
    }

    private static async Task<List<SbomStatus>> StatusesAsync(IQueryable<ProductSbom> sboms, CancellationToken cancellationToken) =>
        [.. (await sboms.OrderByDescending(s => s.UploadedAt).ThenByDescending(s => s.Id)
                .Select(s => new { s.Id, s.ProductVersionId, s.FileName, s.Sha256, s.Size, s.Format, s.UploadedByName, s.UploadedAt, s.Status, s.ComponentsDone, s.ComponentsTotal, s.Error, s.FinishedAt })
                .ToListAsync(cancellationToken))
            .Select(s => new SbomStatus(s.Id, s.ProductVersionId, s.FileName, Convert.ToHexStringLower(s.Sha256), s.Size, s.Format, s.UploadedByName, s.UploadedAt,
                s.Status, s.ComponentsDone, s.ComponentsTotal, s.Error, s.FinishedAt))];
}
