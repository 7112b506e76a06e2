using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Cases;

/// <summary>The cases the user has a part in, filtered and paged; the office's overdue list is one filter away.</summary>
[RequireCapability(Capability.TakePartInCases)]
public sealed class IndexModel(CaseQueries queries, CaseTimekeeping time) : PageModel
{
    public CaseListFilter Filter { get; private set; } = new();
    public CaseList Cases { get; private set; } = new([], 0, true, 1, 25);

    public async Task OnGetAsync(CaseState? state, bool overdue, string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new CaseListFilter(state, overdue, search, page);
        Cases = await queries.ListAsync(User, Filter, cancellationToken);
    }

    public bool IsOverdue(CaseListItem item) => !item.Paused && item.DueOn < time.Today;

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Cases", new Dictionary<string, string?>
    {
        ["state"] = Filter.State?.ToString(),
        ["overdue"] = Filter.OverdueOnly ? "true" : null,
        ["search"] = Filter.Search,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
