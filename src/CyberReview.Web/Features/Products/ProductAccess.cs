using System.Security.Claims;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;

namespace CyberReview.Web.Features.Products;

/// <summary>
/// Which products a user may see: the office sees all; a provider sees its own organisation's. Which a user may
/// change: a provider its own, nobody else any. Pages and the API filter through these rules, in the query, so
/// another provider's product is simply not found.
/// </summary>
internal static class ProductAccess
{
    public static IQueryable<Product> VisibleTo(this IQueryable<Product> products, ClaimsPrincipal user)
    {
        if (user.Has(Capability.RunReviews))
            return products;
        return products.OwnedBy(user);
    }

    public static IQueryable<Product> OwnedBy(this IQueryable<Product> products, ClaimsPrincipal user)
    {
        if (!user.Has(Capability.ManageOwnProducts))
            return products.Where(_ => false);
        var organisation = user.OrganisationId();
        return products.Where(p => p.ProviderId == organisation);
    }
}
