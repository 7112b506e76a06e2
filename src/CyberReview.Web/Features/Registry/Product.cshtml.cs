using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Registry;

/// <summary>A product's full result history: every result you may see, newest first, each with its changes. 404 when there is none.</summary>
[AllowAnonymous]
public sealed class ProductModel(RegistryQueries queries) : PageModel
{
    public ProductHistory History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.ProductHistoryAsync(User, id, cancellationToken) is not { } history)
            return NotFound();
        History = history;
        return Page();
    }
}
