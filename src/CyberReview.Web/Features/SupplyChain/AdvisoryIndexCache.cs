using CyberReview.Data;
using CyberReview.Data.Sboms;
using CyberReview.SupplyChain.Advisories;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// The index of every imported advisory, built once and kept: an analysis matches each component with one dictionary
/// probe. It is rebuilt when an import through this app invalidates it, or when the database shows an import made
/// elsewhere (the CLI, another instance): a different count or a later import time.
/// </summary>
public sealed class AdvisoryIndexCache : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Count, DateTimeOffset? Latest, AdvisoryIndex Index)? _current;

    public void Invalidate() => _current = null;

    public void Dispose() => _building.Dispose();

    public async Task<AdvisoryIndex> GetAsync(ReviewDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var count = await db.ImportedAdvisories.CountAsync(cancellationToken);
        var latest = count == 0 ? null : (await db.ImportedAdvisories.OrderByDescending(a => a.ImportedAt).Select(a => (DateTimeOffset?)a.ImportedAt).FirstAsync(cancellationToken));
        if (_current is { } current && current.Count == count && current.Latest == latest)
            return current.Index;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Count == count && built.Latest == latest)
                return built.Index;
            var advisories = new List<Advisory>(count);
            await foreach (var row in db.ImportedAdvisories.AsNoTracking().Where(a => !a.Withdrawn).AsAsyncEnumerable().WithCancellation(cancellationToken))
                advisories.Add(AdvisoryImport.Read(row));
            var index = AdvisoryIndex.Build(advisories);
            _current = (count, latest, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }
}
