using System.Runtime.CompilerServices;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Decisions;
using CyberReview.Data.Registry;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Registry;

/// <summary>What the registry is searched by; every criterion is optional and they combine.</summary>
public sealed record RegistryFilter(string? Search = null, ReviewOutcome? Outcome = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    /// <summary>Part of the provider's name, as published.</summary>
    public string? Provider { get; init; }

    /// <summary>Part of the product's name, as published.</summary>
    public string? Product { get; init; }
    public Guid? ProductId { get; init; }
    public ProductKind? Kind { get; init; }
    public CaseState? Status { get; init; }

    /// <summary>The sector department the case was opened for.</summary>
    public Guid? Sector { get; init; }
    public DateOnly? DecidedFrom { get; init; }
    public DateOnly? DecidedTo { get; init; }
}

/// <summary>A product a result covers, as it is named today (the result keeps the name it was published under).</summary>
public sealed record RegistryProduct(Guid Id, string Name, ProductKind Kind);

/// <summary>A published result; its status follows the case (suspended, revoked, expired or superseded results stay listed as such).</summary>
public sealed record RegistryItem(Guid Id, string Product, string Provider, IReadOnlyList<string> Versions, ReviewOutcome Outcome, DateOnly DecidedOn,
    DateOnly? ValidFrom, DateOnly? ValidUntil, DateTimeOffset PublishedAt, PublicationVisibility Visibility, CaseState Status)
{
    public IReadOnlyList<RegistryProduct> Products { get; init; } = [];

    /// <summary>The conditions of a conditional pass, in order.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];

    /// <summary>The institutions that evaluated the product.</summary>
    public IReadOnlyList<string> Institutions { get; init; } = [];

    /// <summary>The criteria catalogue version it was evaluated against.</summary>
    public string? CatalogueVersion { get; init; }

    /// <summary>The entry's leaves in the transparency log (/log), one per change, oldest first.</summary>
    public IReadOnlyList<long> LogIndexes { get; init; } = [];
}

public sealed record RegistryPage(IReadOnlyList<RegistryItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>One change of a result, in the order of the registry's change log.</summary>
public sealed record RegistryChangeItem(long Sequence, Guid EntryId, RegistryChangeKind Kind, DateTimeOffset At, string? Reason, CaseState Status, string Product, string Provider);

/// <summary>A result with every change it went through, oldest first, and their inclusion proofs in the transparency log.</summary>
public sealed record RegistryDetail(RegistryItem Entry, IReadOnlyList<RegistryChangeItem> Changes)
{
    /// <summary>The entry's leaves with inclusion proofs to the log's latest checkpoint (signed, included); null before its first leaf.</summary>
    public Data.Registry.Log.RegistryLogProof? Log { get; init; }
}

/// <summary>
/// A page of the change feed: the changes you may see after your cursor, and <see cref="Next"/>, the cursor to ask with
/// next time (it passes over changes you may not see). <see cref="Head"/> is the newest change in the log.
/// </summary>
public sealed record RegistryFeed(IReadOnlyList<RegistryChangeItem> Items, long Next, long Head);

/// <summary>A product's full result history in the registry, newest first, each result with its changes.</summary>
public sealed record ProductHistory(RegistryProduct Product, string Provider, IReadOnlyList<RegistryDetail> Results);

/// <summary>
/// The registry, for anyone: public results to everyone; results circulated to government buyers to procurers and the
/// office; those circulated to a sector to the staff of that sector's department; and every result of a case to the
/// people who hold a part in it (which is how confidential results are seen at all). Filtered in the query, everywhere:
/// list, detail, change feed, product history and export.
/// </summary>
public sealed class RegistryQueries(ReviewDbContext db, TransparencyLog.TransparencyLogSigner log)
{
    public const int MaxFeedLimit = 1000;

    public async Task<RegistryPage> ListAsync(ClaimsPrincipal user, RegistryFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, RegistryFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = Filtered(user, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await WithStatus(query.OrderByDescending(e => e.PublishedAt).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new RegistryPage(await ItemsAsync(rows, cancellationToken), total, page, pageSize);
    }

    /// <summary>A result, or null when there is none the user may see.</summary>
    public async Task<RegistryDetail?> DetailAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var rows = await WithStatus(VisibleTo(user).Where(e => e.Id == id)).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return null;
        var changes = await ChangesOf([id], cancellationToken);
        return new RegistryDetail((await ItemsAsync(rows, cancellationToken))[0], changes) { Log = await ProofAsync(id, cancellationToken) };
    }

    /// <summary>Every result for the product that the user may see, newest first; null when there is none.</summary>
    public async Task<ProductHistory?> ProductHistoryAsync(ClaimsPrincipal user, Guid productId, CancellationToken cancellationToken)
    {
        var rows = await WithStatus(Filtered(user, new RegistryFilter { ProductId = productId }).OrderByDescending(e => e.PublishedAt).ThenBy(e => e.Id))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return null;
        var product = await db.Products.Where(p => p.Id == productId)
            .Select(p => new { Product = new RegistryProduct(p.Id, p.Name, p.Kind), Provider = p.Provider.Name }).SingleAsync(cancellationToken);
        var items = await ItemsAsync(rows, cancellationToken);
        var changes = await ChangesOf([.. items.Select(i => i.Id)], cancellationToken);
        var results = new List<RegistryDetail>();
        foreach (var item in items)
            results.Add(new RegistryDetail(item, [.. changes.Where(c => c.EntryId == item.Id)]) { Log = await ProofAsync(item.Id, cancellationToken) });
        return new ProductHistory(product.Product, product.Provider, results);
    }

    /// <summary>The entry's leaves and their inclusion proofs against the log's latest checkpoint; the caller has checked that the user may see the entry.</summary>
    private Task<Data.Registry.Log.RegistryLogProof?> ProofAsync(Guid entryId, CancellationToken cancellationToken) =>
        Data.Registry.Log.RegistryLog.ProofForAsync(db, entryId, log.Signer, cancellationToken);

    /// <summary>The newest change in the log; 0 when there is none.</summary>
    public Task<long> HeadAsync(CancellationToken cancellationToken) => RegistryChanges.HeadAsync(db, cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> changes after the cursor that the user may see, in order. Reads the head first and
    /// nothing beyond it: the log's numbers become visible in order (RegistryChanges), so everything up to the head is
    /// there to read, and the next cursor (the head when the page is not full) never passes a change still to come.
    /// </summary>
    public async Task<RegistryFeed> FeedAsync(ClaimsPrincipal user, long after, int limit, CancellationToken cancellationToken)
    {
        var head = await HeadAsync(cancellationToken);
        var visible = VisibleTo(user);
        var items = await Changes(db.RegistryChanges.Where(c => c.Sequence > after && c.Sequence <= head && visible.Any(e => e.Id == c.EntryId)))
            .Take(limit).ToListAsync(cancellationToken);
        return new RegistryFeed(items, items.Count == limit ? items[^1].Sequence : Math.Max(after, head), head);
    }

    /// <summary>Every result the user may see that the filter lets through (paging aside), streamed oldest first.</summary>
    public async IAsyncEnumerable<RegistryItem> ExportAsync(ClaimsPrincipal user, RegistryFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken,
        int pageSize = 500)
    {
        // In pages by key (publication time, id), each with its products and log leaves as the list has them: one query
        // streaming the whole registry would hold the connection, and those two need it too. Entries published meanwhile come last.
        var filtered = Filtered(user, filter);
        (DateTimeOffset At, Guid Id)? after = null;
        while (true)
        {
            var page = filtered;
            if (after is var (at, id))
                page = page.Where(e => e.PublishedAt > at || (e.PublishedAt == at && e.Id.CompareTo(id) > 0));
            var rows = await WithStatus(page.OrderBy(e => e.PublishedAt).ThenBy(e => e.Id).Take(pageSize)).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var item in await ItemsAsync(rows, cancellationToken))
                yield return item;
            if (rows.Count < pageSize)
                yield break;
            after = (rows[^1].Entry.PublishedAt, rows[^1].Entry.Id);
        }
    }

    private IQueryable<RegistryEntry> Filtered(ClaimsPrincipal user, RegistryFilter filter)
    {
        var query = VisibleTo(user);
        if (filter.Outcome is { } outcome)
            query = query.Where(e => e.Outcome == outcome);
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on both engines; the StringComparison overloads do not translate.
        if (Term(filter.Search) is { } term)
            query = query.Where(e => e.Product.ToLower().Contains(term) || e.Provider.ToLower().Contains(term));
        if (Term(filter.Provider) is { } provider)
            query = query.Where(e => e.Provider.ToLower().Contains(provider));
        if (Term(filter.Product) is { } product)
            query = query.Where(e => e.Product.ToLower().Contains(product));
#pragma warning restore CA1862
        if (filter.ProductId is { } productId)
            query = query.Where(e => db.Set<DecisionVersion>().Where(v => v.DecisionId == e.DecisionId)
                .Any(v => db.ProductVersions.Any(pv => pv.Id == v.ProductVersionId && pv.ProductId == productId)));
        if (filter.Kind is { } kind)
            query = query.Where(e => db.Set<DecisionVersion>().Where(v => v.DecisionId == e.DecisionId)
                .Any(v => db.ProductVersions.Any(pv => pv.Id == v.ProductVersionId && db.Products.Any(p => p.Id == pv.ProductId && p.Kind == kind))));
        if (filter.Status is { } status)
            query = query.Where(e => db.Cases.Any(c => c.Id == e.CaseId && c.State == status));
        if (filter.Sector is { } sector)
            query = query.Where(e => e.SectorDepartmentId == sector);
        if (filter.DecidedFrom is { } from)
            query = query.Where(e => e.DecidedOn >= from);
        if (filter.DecidedTo is { } to)
            query = query.Where(e => e.DecidedOn <= to);
        return query;
    }

    private static string? Term(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    private IQueryable<EntryRow> WithStatus(IQueryable<RegistryEntry> entries) =>
        entries.Select(e => new EntryRow(e, db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.State).Single()));

    private sealed record EntryRow(RegistryEntry Entry, CaseState Status);

    private static RegistryItem Item(RegistryEntry e, CaseState status) =>
        new(e.Id, e.Product, e.Provider, e.Versions, e.Outcome, e.DecidedOn, e.ValidFrom, e.ValidUntil, e.PublishedAt, e.Visibility, status)
        {
            Conditions = e.Conditions, Institutions = e.Institutions, CatalogueVersion = e.CatalogueVersion,
        };

    // The products each result covers, in one query for the page.
    private async Task<List<RegistryItem>> ItemsAsync(List<EntryRow> rows, CancellationToken cancellationToken)
    {
        var decisionIds = rows.Select(r => r.Entry.DecisionId).ToList();
        var products = await db.Set<DecisionVersion>().Where(v => decisionIds.Contains(v.DecisionId))
            .Join(db.ProductVersions, dv => dv.ProductVersionId, pv => pv.Id, (dv, pv) => new { dv.DecisionId, pv.ProductId })
            .Join(db.Products, x => x.ProductId, p => p.Id, (x, p) => new { x.DecisionId, p.Id, p.Name, p.Kind })
            .ToListAsync(cancellationToken);
        var entryIds = rows.Select(r => r.Entry.Id).ToList();
        var leaves = await db.RegistryChanges.Where(c => entryIds.Contains(c.EntryId))
            .Join(db.RegistryLogLeaves, c => c.Id, l => l.ChangeId, (c, l) => new { c.EntryId, l.Index }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Item(r.Entry, r.Status) with
        {
            LogIndexes = [.. leaves.Where(l => l.EntryId == r.Entry.Id).Select(l => l.Index).Order()],
            Products = [.. products.Where(p => p.DecisionId == r.Entry.DecisionId).Select(p => new RegistryProduct(p.Id, p.Name, p.Kind)).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Ordinal)],
        })];
    }

    private Task<List<RegistryChangeItem>> ChangesOf(List<Guid> entryIds, CancellationToken cancellationToken) =>
        Changes(db.RegistryChanges.Where(c => entryIds.Contains(c.EntryId))).ToListAsync(cancellationToken);

    private IQueryable<RegistryChangeItem> Changes(IQueryable<RegistryChange> changes) =>
        changes.Join(db.RegistryEntries, c => c.EntryId, e => e.Id, (c, e) => new { Change = c, e.Product, e.Provider })
            .OrderBy(x => x.Change.Sequence)
            .Select(x => new RegistryChangeItem(x.Change.Sequence, x.Change.EntryId, x.Change.Kind, x.Change.At, x.Change.Reason, x.Change.StatusAfter, x.Product, x.Provider));

    internal IQueryable<RegistryEntry> VisibleTo(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return db.RegistryEntries.Where(e => e.Visibility == PublicationVisibility.Public);
        var roles = user.Roles();
        var government = roles.Contains(Role.Procurer) || roles.Contains(Role.Office);
        Guid? sector = roles.Contains(Role.SectorAuthority) ? user.OrganisationId() : null;
        var theirCases = db.CasesVisibleTo(user).Select(c => c.Id);
        return db.RegistryEntries.Where(e => e.Visibility == PublicationVisibility.Public
            || (government && e.Visibility == PublicationVisibility.Government)
            || (sector != null && e.Visibility == PublicationVisibility.Sector && e.SectorDepartmentId == sector)
            || theirCases.Contains(e.CaseId));
    }

    /// <summary>The sector departments, to filter the registry by.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SectorsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Organisations.Where(o => o.Kind == OrganisationKind.SectorDepartment).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name))];

    /// <summary>Which class of reader this is, for cache keys: anonymous readers all see the same registry.</summary>
    public static bool IsAnonymous(ClaimsPrincipal user) => user.Identity?.IsAuthenticated != true;
}
