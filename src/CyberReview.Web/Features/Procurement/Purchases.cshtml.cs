using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Procurement;

/// <summary>A procurer records a purchase against a check, and sees their own purchases.</summary>
[RequireCapability(Capability.FileProcurementDeclarations)]
public sealed class PurchasesModel(Purchases purchases, RegistryQueries registry, Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public PurchaseForm Form { get; set; } = new();

    public PurchasePage Mine { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<(Guid Id, string Name)> Sectors { get; private set; } = [];

    [TempData]
    public bool Recorded { get; set; }

    public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default) => await LoadAsync(page, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await purchases.RecordAsync(User, new NewPurchase(new CheckQuestion(Form.ProductId, Form.Purl, Form.Provider, Form.Product, Form.Version),
            Form.SectorDepartmentId, Form.Reference), cancellationToken);
        switch (outcome)
        {
            case PurchaseOutcome.Done done:
                Recorded = done is not null;
                return LocalRedirect("/Procurement/Purchases");
            case PurchaseOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                await LoadAsync(1, cancellationToken);
                return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
            default:
                ModelState.AddModelError("product", text["Procurement.UnknownProduct"]);
                await LoadAsync(1, cancellationToken);
                return new PageResult { StatusCode = StatusCodes.Status404NotFound };
        }
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        Mine = await purchases.MineAsync(User, page, 25, cancellationToken);
        Sectors = await registry.SectorsAsync(cancellationToken);
    }

    public sealed class PurchaseForm
    {
        public Guid? ProductId { get; set; }
        public string? Purl { get; set; }
        public string? Provider { get; set; }
        public string? Product { get; set; }
        public string? Version { get; set; }
        public Guid? SectorDepartmentId { get; set; }
        public string? Reference { get; set; }
    }
}
