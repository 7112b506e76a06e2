using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Products;

[RequireCapability(Capability.BrowseProducts)]
public sealed class IndexModel(ReviewDbContext db) : PageModel
{
    public IReadOnlyList<ProductRow> Products { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Products = await ProductList.QueryAsync(db, User, null, cancellationToken);
}
