using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>A provider adds a component to a version, or changes one, while no case past Draft names the version.</summary>
[RequireCapability(Capability.ManageOwnProducts)]
public sealed class ComponentModel(ProductQueries queries, ProductCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty]
    public ComponentForm Form { get; set; } = new();

    public ProductDetails? Product { get; private set; }
    public VersionDetails? Version { get; private set; }
    public ComponentItem? Existing { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid productId, Guid versionId, Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(productId, versionId, id, cancellationToken))
            return NotFound();
        if (Existing is { } component)
            Form = new ComponentForm { Name = component.Name, Version = component.Version, Supplier = component.Supplier, CountryOfOrigin = component.CountryOfOrigin, Purl = component.Purl, IsKey = component.IsKey };
        if (Version!.Frozen)
            Problem = ProductText.Frozen(text, Version.Version, [.. Version.Cases.Where(c => Composition.Freezes(c.State)).Select(c => c.Number)]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid productId, Guid versionId, Guid? id, CancellationToken cancellationToken)
    {
        var particulars = new ComponentParticulars(Form.Name, Form.Version, Form.Supplier, Form.CountryOfOrigin, Form.Purl, Form.IsKey);
        var outcome = id is { } componentId
            ? await commands.UpdateComponentAsync(productId, versionId, componentId, particulars, User, cancellationToken)
            : await commands.AddComponentAsync(productId, versionId, particulars, User, cancellationToken);
        if (outcome is ProductOutcome.Done)
            return LocalRedirect(ProductPages.ProductPath(productId, versionId));
        if (outcome is ProductOutcome.NotFound || !await LoadAsync(productId, versionId, id, cancellationToken))
            return NotFound();
        if (outcome is ProductOutcome.Invalid invalid)
        {
            ProductPages.AddErrors(ModelState, invalid);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Problem = ProductPages.Refusal(text, outcome);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<bool> LoadAsync(Guid productId, Guid versionId, Guid? componentId, CancellationToken cancellationToken)
    {
        Product = await queries.GetAsync(User, productId, cancellationToken);
        Version = Product?.Versions.SingleOrDefault(v => v.Id == versionId);
        Existing = componentId is { } id ? Version?.Components.SingleOrDefault(c => c.Id == id) : null;
        return Version is not null && (componentId is null || Existing is not null);
    }

    public sealed class ComponentForm
    {
        public string? Name { get; set; }
        public string? Version { get; set; }
        public string? Supplier { get; set; }
        public string? CountryOfOrigin { get; set; }
        public string? Purl { get; set; }
        public bool IsKey { get; set; }
    }
}
