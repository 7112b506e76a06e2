using System.Globalization;
using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Products;

public sealed record ProductListFilter(string? Search = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record ProductRow(Guid Id, string Name, ProductKind Kind, Guid ProviderId, string Provider, string Description, IReadOnlyList<string> Versions);

public sealed record ProductList(IReadOnlyList<ProductRow> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ComponentItem(Guid Id, string Name, string Version, string Supplier, string CountryOfOrigin, string? Purl, bool IsKey);

/// <summary>A case that names a version, as far as the user may see it.</summary>
public sealed record CaseReference(Guid Id, string Number, CaseState State);

/// <summary>
/// One version with its components. <paramref name="Frozen"/> is true when a case past Draft names it (whether or
/// not the user may see that case); <paramref name="Cases"/> are the cases naming it that the user may see.
/// </summary>
public sealed record VersionDetails(Guid Id, Guid ProductId, string Version, DateOnly? ReleasedOn, bool Frozen, IReadOnlyList<CaseReference> Cases, IReadOnlyList<ComponentItem> Components);

public sealed record ProductDetails(Guid Id, string Name, ProductKind Kind, Guid ProviderId, string Provider, string Description, DateTimeOffset CreatedAt, IReadOnlyList<VersionDetails> Versions)
{
    /// <summary>The package URL that identifies the product, if the provider gave one.</summary>
    public string? Purl { get; init; }
}

/// <summary>Reading products, always through <see cref="ProductAccess"/>; one query per page of results.</summary>
public sealed class ProductQueries(ReviewDbContext db)
{
    // "5.10" comes after "5.9".
    private static readonly StringComparer VersionOrder = CultureInfo.InvariantCulture.CompareInfo.GetStringComparer(CompareOptions.NumericOrdering);

    public async Task<ProductList> ListAsync(ClaimsPrincipal user, ProductListFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, ProductListFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = db.Products.VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on both engines; the StringComparison overloads do not translate.
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.Provider.Name.ToLower().Contains(term));
#pragma warning restore CA1862
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(p => p.Provider.Name).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new { p.Id, p.Name, p.Kind, p.ProviderId, Provider = p.Provider.Name, p.Description, Versions = p.Versions.Select(v => v.Version).ToList() })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var items = rows.Select(p => new ProductRow(p.Id, p.Name, p.Kind, p.ProviderId, p.Provider, p.Description, [.. p.Versions.Order(VersionOrder)])).ToList();
        return new ProductList(items, total, page, pageSize);
    }

    /// <summary>One product with its versions and components as the user may see it; null when it does not exist for them.</summary>
    public async Task<ProductDetails?> GetAsync(ClaimsPrincipal user, Guid productId, CancellationToken cancellationToken)
    {
        var product = await db.Products.VisibleTo(user).AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new { p.Id, p.Name, p.Kind, p.ProviderId, Provider = p.Provider.Name, p.Description, p.CreatedAt, p.Purl })
            .SingleOrDefaultAsync(cancellationToken);
        if (product is null)
            return null;
        var versions = await db.ProductVersions.AsNoTracking().Include(v => v.Components).Where(v => v.ProductId == productId).ToListAsync(cancellationToken);
        var cases = await CasesNamingAsync(user, [.. versions.Select(v => v.Id)], cancellationToken);
        return new ProductDetails(product.Id, product.Name, product.Kind, product.ProviderId, product.Provider, product.Description, product.CreatedAt,
            [.. versions.OrderBy(v => v.Version, VersionOrder).Select(v => Details(v, cases))]) { Purl = product.Purl };
    }

    /// <summary>One version as the user may see it (of whichever product it belongs to); null when it does not exist for them.</summary>
    public async Task<VersionDetails?> GetVersionAsync(ClaimsPrincipal user, Guid versionId, CancellationToken cancellationToken)
    {
        var version = await db.ProductVersions.AsNoTracking().Include(v => v.Components)
            .Where(v => v.Id == versionId && db.Products.VisibleTo(user).Any(p => p.Id == v.ProductId))
            .SingleOrDefaultAsync(cancellationToken);
        return version is null ? null : Details(version, await CasesNamingAsync(user, [version.Id], cancellationToken));
    }

    /// <summary>The product's name, when the user may see it.</summary>
    public async Task<string?> ProductNameAsync(ClaimsPrincipal user, Guid productId, CancellationToken cancellationToken) =>
        await db.Products.VisibleTo(user).Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The version a component belongs to; whether the user may see it is for <see cref="GetVersionAsync"/> to say.</summary>
    public async Task<Guid?> VersionOfComponentAsync(Guid componentId, CancellationToken cancellationToken) =>
        await db.ProductComponents.Where(c => c.Id == componentId).Select(c => (Guid?)c.VersionId).SingleOrDefaultAsync(cancellationToken);

    private static VersionDetails Details(Data.Products.ProductVersion version, ILookup<Guid, (CaseReference Case, bool Visible)> cases)
    {
        var naming = cases[version.Id].ToList();
        return new VersionDetails(version.Id, version.ProductId, version.Version, version.ReleasedOn,
            Composition.Check(naming.Select(c => new CaseNamingVersion(c.Case.Number, c.Case.State))) is not null,
            [.. naming.Where(c => c.Visible).Select(c => c.Case)],
            [.. version.Components.OrderByDescending(c => c.IsKey).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Version, VersionOrder)
                .Select(c => new ComponentItem(c.Id, c.Name, c.Version, c.Supplier, c.CountryOfOrigin, c.Purl, c.IsKey))]);
    }

    // Every case naming the versions decides whether they are frozen; only those the user may see are named to them.
    private async Task<ILookup<Guid, (CaseReference Case, bool Visible)>> CasesNamingAsync(ClaimsPrincipal user, List<Guid> versionIds, CancellationToken cancellationToken)
    {
        var naming = await db.Set<Data.Cases.CaseVersion>().Where(cv => versionIds.Contains(cv.ProductVersionId))
            .Join(db.Cases, cv => cv.CaseId, c => c.Id, (cv, c) => new { cv.ProductVersionId, c.Id, c.Number, c.State })
            .ToListAsync(cancellationToken);
        var caseIds = naming.Select(n => n.Id).Distinct().ToList();
        var visible = caseIds.Count == 0 ? [] : (await db.CasesVisibleTo(user).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return naming.OrderBy(n => n.Number, StringComparer.Ordinal)
            .ToLookup(n => n.ProductVersionId, n => (new CaseReference(n.Id, n.Number, n.State), visible.Contains(n.Id)));
    }
}
