using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>One product: its versions and their components. The provider maintains it here; the office reads it.</summary>
[RequireCapability(Capability.BrowseProducts)]
public sealed class ProductModel(ProductQueries queries, ProductCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    public ProductDetails? Details { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>Only the provider changes its products; everyone else who sees one reads it.</summary>
    public bool MayEdit => Details is { } product && User.Has(Capability.ManageOwnProducts) && product.ProviderId == User.OrganisationId();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid versionId, Guid componentId, CancellationToken cancellationToken)
    {
        var outcome = await commands.RemoveComponentAsync(id, versionId, componentId, User, cancellationToken);
        if (outcome is ProductOutcome.Done)
            return LocalRedirect(ProductPages.ProductPath(id, versionId));
        Problem = ProductPages.Refusal(text, outcome);
        return Problem is null ? NotFound() : await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, int status, CancellationToken cancellationToken)
    {
        Details = await queries.GetAsync(User, id, cancellationToken);
        return Details is null ? NotFound() : new PageResult { StatusCode = status };
    }
}
