using CyberReview.Reviews.Decisions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Registry;

/// <summary>The public registry of review results; signed-in users also see what was circulated to them.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryQueries queries) : PageModel
{
    public RegistryFilter Filter { get; private set; } = new();
    public RegistryPage Results { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(string? search, ReviewOutcome? outcome, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new RegistryFilter(search, outcome, page);
        Results = await queries.ListAsync(User, Filter, cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Registry", new Dictionary<string, string?>
    {
        ["search"] = Filter.Search,
        ["outcome"] = Filter.Outcome?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
