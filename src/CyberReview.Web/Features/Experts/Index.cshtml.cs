using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Experts;

/// <summary>The office's view of the expert pool: who knows what, who is available, who sits on panels now.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class IndexModel(ExpertPool pool) : PageModel
{
    public ExpertFilter Filter { get; private set; } = new();
    public ExpertList Experts { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(RiskArea? riskArea, ProductKind? productKind, bool available, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new ExpertFilter(riskArea, productKind, available, search, page);
        Experts = await pool.ListAsync(Filter, cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Experts", new Dictionary<string, string?>
    {
        ["riskArea"] = Filter.RiskArea?.ToString(),
        ["productKind"] = Filter.ProductKind?.ToString(),
        ["available"] = Filter.AvailableOnly ? "true" : null,
        ["search"] = Filter.Search,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
