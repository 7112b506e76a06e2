using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>A provider adds a version of its product (perhaps starting from another version's components), or changes one not yet under review.</summary>
[RequireCapability(Capability.ManageOwnProducts)]
public sealed class VersionModel(ProductQueries queries, ProductCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty]
    public VersionForm Form { get; set; } = new();

    public ProductDetails? Product { get; private set; }
    public VersionDetails? Existing { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid productId, Guid? id, Guid? copyFrom, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(productId, id, cancellationToken))
            return NotFound();
        if (Existing is { } version)
        {
            Form = new VersionForm { Version = version.Version, ReleasedOn = version.ReleasedOn };
            if (version.Frozen)
                Problem = ProductText.Frozen(text, version.Version, [.. version.Cases.Where(c => Composition.Freezes(c.State)).Select(c => c.Number)]);
        }
        else
        {
            Form.CopyComponentsFrom = copyFrom;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid productId, Guid? id, CancellationToken cancellationToken)
    {
        var particulars = new VersionParticulars(Form.Version, Form.ReleasedOn, id is null ? Form.CopyComponentsFrom : null);
        var outcome = id is { } versionId
            ? await commands.UpdateVersionAsync(productId, versionId, particulars, User, cancellationToken)
            : await commands.AddVersionAsync(productId, particulars, User, cancellationToken);
        if (outcome is ProductOutcome.Done done)
            return LocalRedirect(ProductPages.ProductPath(productId, done.Id));
        if (outcome is ProductOutcome.NotFound || !await LoadAsync(productId, id, cancellationToken))
            return NotFound();
        if (outcome is ProductOutcome.Invalid invalid)
        {
            ProductPages.AddErrors(ModelState, invalid);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Problem = ProductPages.Refusal(text, outcome);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<bool> LoadAsync(Guid productId, Guid? versionId, CancellationToken cancellationToken)
    {
        Product = await queries.GetAsync(User, productId, cancellationToken);
        Existing = versionId is { } id ? Product?.Versions.SingleOrDefault(v => v.Id == id) : null;
        return Product is not null && (versionId is null || Existing is not null);
    }

    public sealed class VersionForm
    {
        public string? Version { get; set; }
        public DateOnly? ReleasedOn { get; set; }
        public Guid? CopyComponentsFrom { get; set; }
    }
}
