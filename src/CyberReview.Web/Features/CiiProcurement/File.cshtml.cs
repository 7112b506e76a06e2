using CyberReview.Reviews.Access;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>A CII operator's procurer declares a planned purchase, for a registered product or one named in free text.</summary>
[RequireCapability(Capability.FileProcurementDeclarations)]
public sealed class FileModel(DeclarationCommands commands, DeclarationQueries queries) : PageModel
{
    [BindProperty]
    public FileForm Form { get; set; } = new();

    public bool IsOperator { get; private set; }
    public IReadOnlyList<ProductChoice> Products { get; private set; } = [];
    public ProductChoice? Product { get; private set; }
    public IReadOnlyList<VersionChoice> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? product, CancellationToken cancellationToken)
    {
        Form.ProductId = product;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await commands.FileAsync(new NewDeclaration(Form.ProductId, Form.VersionIds, Form.ProductName, Form.SupplierName, Form.VersionsText,
            Form.Purpose, Form.SystemName, Form.Level, Form.Commitments, Form.ContractReference), User, cancellationToken);
        switch (outcome)
        {
            case DeclarationOutcome.Done done:
                return LocalRedirect($"/CiiProcurement/Declaration?declarationId={done.DeclarationId}");
            case DeclarationOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError($"Form.{field}", message);
                break;
            case DeclarationOutcome.Forbidden forbidden:
                ModelState.AddModelError("", forbidden.Message);
                await LoadAsync(cancellationToken);
                return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
        }
        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        IsOperator = await commands.DepartmentOfAsync(User, cancellationToken) is not null;
        Products = await queries.ProductsAsync(cancellationToken);
        Product = Products.FirstOrDefault(p => p.Id == Form.ProductId);
        if (Product is null)
            Form.ProductId = null;
        Versions = Product is null ? [] : await queries.VersionsAsync(Product.Id, cancellationToken);
    }

    public sealed class FileForm
    {
        public Guid? ProductId { get; set; }
        public List<Guid> VersionIds { get; set; } = [];
        public string? ProductName { get; set; }
        public string? SupplierName { get; set; }
        public string? VersionsText { get; set; }
        public string? Purpose { get; set; }
        public string? SystemName { get; set; }
        public ProtectionLevel? Level { get; set; }
        public List<SupplierCommitment> Commitments { get; set; } = [];
        public string? ContractReference { get; set; }
    }
}
