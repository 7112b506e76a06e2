using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberReview.Web.Features.Products;

internal static class ProductsApi
{
    public static void MapProductsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products").RequireCapability(Capability.BrowseProducts);
        products.MapGet("/", List).WithSummary("The products you may see: all for the office, your own for a provider.");
        products.MapGet("/{id:guid}", Get).WithSummary("One product; 404 when it does not exist or is not yours to see.");
    }

    private static async Task<Ok<List<ProductRow>>> List(ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ProductList.QueryAsync(db, user, null, cancellationToken));

    private static async Task<Results<Ok<ProductRow>, NotFound>> Get(Guid id, ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken) =>
        await ProductList.QueryAsync(db, user, id, cancellationToken) is [var product] ? TypedResults.Ok(product) : TypedResults.NotFound();
}
