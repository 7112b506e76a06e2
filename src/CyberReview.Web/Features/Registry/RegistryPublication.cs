using CyberReview.Data;
using CyberReview.Data.Cases;
using CyberReview.Data.Registry;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Decisions;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Registry;

/// <summary>Publishing a case puts its decision in force into the registry, as it reads on the day, for those its visibility names.</summary>
public static class RegistryPublication
{
    /// <summary>Adds the registry entry of the case's decision in force to the same transaction as the Publish move; answers it with the version ids it covers.</summary>
    /// <exception cref="InvalidOperationException">The case has no decision; only a decision moves a case to Decided.</exception>
    public static async Task<(RegistryEntry Entry, IReadOnlyList<Guid> VersionIds)> AddEntryAsync(ReviewDbContext db, ReviewCase reviewCase, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        var decision = await DecisionQueries.Current(db, reviewCase.Id).Include(d => d.Versions).Include(d => d.Conditions).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Case {reviewCase.Number} is decided without a decision.");
        var versionIds = decision.Versions.Select(v => v.ProductVersionId).ToList();
        var versions = await db.ProductVersions.Where(v => versionIds.Contains(v.Id))
            .Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new { Product = p.Name, v.Version })
            .ToListAsync(cancellationToken);
        var provider = await db.Organisations.Where(o => o.Id == reviewCase.ProviderId).Select(o => o.Name).SingleAsync(cancellationToken);
        // The institutions that evaluated it: those whose signed report (its latest correction) stands.
        var institutions = await db.EvaluationReports.Where(r => r.CaseId == reviewCase.Id && r.SupersededById == null)
            .Join(db.Organisations, r => r.InstitutionId, o => o.Id, (r, o) => o.Name).ToListAsync(cancellationToken);
        var entry = RegistryEntry.Publishing(reviewCase, decision, provider, [.. versions.Select(v => (v.Product, v.Version))], institutions, clock.GetUtcNow());
        db.RegistryEntries.Add(entry);
        return (entry, versionIds);
    }

    /// <summary>
    /// The other cases whose result in the registry is still in force (published or suspended) and covers one of these
    /// versions: a newer decision for a version replaces the earlier result for it.
    /// </summary>
    public static Task<List<Guid>> CasesCoveringAsync(ReviewDbContext db, Guid exceptCaseId, IReadOnlyList<Guid> versionIds, CancellationToken cancellationToken) =>
        db.Cases.Where(c => c.Id != exceptCaseId && (c.State == CaseState.Published || c.State == CaseState.Suspended))
            .Where(c => db.RegistryEntries.Any(e => e.CaseId == c.Id
                && db.Set<Data.Decisions.DecisionVersion>().Any(v => v.DecisionId == e.DecisionId && versionIds.Contains(v.ProductVersionId))))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Whether a result published after this case's covers one of the versions this case's result covers.</summary>
    public static Task<bool> NewerResultPublishedAsync(ReviewDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.RegistryEntries.Where(mine => mine.CaseId == caseId).AnyAsync(mine => db.RegistryEntries.Any(newer => newer.CaseId != caseId
            && newer.PublishedAt > mine.PublishedAt
            && db.Set<Data.Decisions.DecisionVersion>().Any(v => v.DecisionId == newer.DecisionId
                && db.Set<Data.Decisions.DecisionVersion>().Any(m => m.DecisionId == mine.DecisionId && m.ProductVersionId == v.ProductVersionId))), cancellationToken);
}
