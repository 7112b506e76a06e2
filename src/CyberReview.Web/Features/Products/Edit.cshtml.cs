using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

/// <summary>A provider registers a product or service, or changes one of its own.</summary>
[RequireCapability(Capability.ManageOwnProducts)]
public sealed class EditModel(ProductQueries queries, ProductCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty]
    public ProductForm Form { get; set; } = new();

    public Guid? ProductId { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        ProductId = id;
        if (id is null)
            return Page();
        if (await queries.GetAsync(User, id.Value, cancellationToken) is not { } product)
            return NotFound();
        Form = new ProductForm { Name = product.Name, Kind = product.Kind, Description = product.Description, Purl = product.Purl };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        ProductId = id;
        var particulars = new ProductParticulars(Form.Name, Form.Kind, Form.Description, Form.Purl);
        var outcome = id is { } productId
            ? await commands.UpdateAsync(productId, particulars, User, cancellationToken)
            : await commands.CreateAsync(particulars, User, cancellationToken);
        switch (outcome)
        {
            case ProductOutcome.Done done:
                return LocalRedirect(ProductPages.ProductPath(id ?? done.Id));
            case ProductOutcome.Invalid invalid:
                ProductPages.AddErrors(ModelState, invalid);
                return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
            case ProductOutcome.NotFound:
                return NotFound();
            default:
                Problem = ProductPages.Refusal(text, outcome);
                return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
    }

    public sealed class ProductForm
    {
        public string? Name { get; set; }
        public ProductKind? Kind { get; set; }
        public string? Description { get; set; }
        public string? Purl { get; set; }
    }
}
