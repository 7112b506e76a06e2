using System.Globalization;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Web.Features.Evaluation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>The declarations the user may see: an operator's own, a department's pending and determined ones, or all for the office.</summary>
// Signed in is enough: the query shows each user only the declarations they may see; a single one is "not found" to everyone else.
public sealed class IndexModel(DeclarationQueries queries) : PageModel
{
    public DeclarationFilter Filter { get; private set; } = new();
    public Paged<DeclarationListItem> Declarations { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(DeclarationStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new DeclarationFilter(status, page);
        Declarations = await queries.ListAsync(User, Filter, cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/CiiProcurement", new Dictionary<string, string?>
    {
        ["status"] = Filter.Status?.ToString(),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    });
}
