using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Products;

/// <summary>The products the user may see, searched and paged: every provider's for the office, its own for a provider.</summary>
[RequireCapability(Capability.BrowseProducts)]
public sealed class IndexModel(ProductQueries queries) : PageModel
{
    public ProductListFilter Filter { get; private set; } = new();
    public ProductList Products { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new ProductListFilter(search, page);
        Products = await queries.ListAsync(User, Filter, cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Products", new Dictionary<string, string?>
    {
        ["search"] = Filter.Search,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
