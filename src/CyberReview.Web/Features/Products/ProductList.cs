using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Products;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Products;

public sealed record ProductRow(Guid Id, string Name, ProductKind Kind, Guid ProviderId, string Provider, string Description, IReadOnlyList<string> Versions);

internal static class ProductList
{
    public static async Task<List<ProductRow>> QueryAsync(ReviewDbContext db, ClaimsPrincipal user, Guid? onlyProduct, CancellationToken cancellationToken)
    {
        var rows = await db.Products.VisibleTo(user)
            .Where(p => onlyProduct == null || p.Id == onlyProduct)
            .OrderBy(p => p.Provider.Name).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Kind, p.ProviderId, Provider = p.Provider.Name, p.Description, Versions = p.Versions.Select(v => v.Version).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(p => new ProductRow(p.Id, p.Name, p.Kind, p.ProviderId, p.Provider, p.Description, [.. p.Versions.Order(StringComparer.Ordinal)]))];
    }
}
