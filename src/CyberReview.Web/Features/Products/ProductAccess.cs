using System.Security.Claims;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;

namespace CyberReview.Web.Features.Products;

/// <summary>
/// Which products a user may see: the office sees all; a provider sees its own organisation's.
/// Pages and the API filter through this one rule, in the query, so nothing else leaks.
/// </summary>
internal static class ProductAccess
{
    public static IQueryable<Product> VisibleTo(this IQueryable<Product> products, ClaimsPrincipal user)
    {
        if (user.Has(Capability.RunReviews))
            return products;
        if (user.Has(Capability.ManageOwnProducts))
        {
            var organisation = user.OrganisationId();
            return products.Where(p => p.ProviderId == organisation);
        }
        return products.Where(_ => false);
    }
}
