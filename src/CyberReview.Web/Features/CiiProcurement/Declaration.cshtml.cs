using CyberReview.Reviews.CiiProcurement;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>One declaration; its protection department determines it here.</summary>
// Signed in is enough: the query shows each user only the declarations they may see; a single one is "not found" to everyone else.
public sealed class DeclarationModel(DeclarationQueries queries, DeclarationCommands commands, IStringLocalizer<Resources.Text> text) : PageModel
{
    public DeclarationView Declaration { get; private set; } = null!;
    public IReadOnlyList<ProductChoice> Providers { get; private set; } = [];

    [BindProperty]
    public Determination? Determination { get; set; }

    [BindProperty]
    public string? Reasons { get; set; }

    [BindProperty]
    public Guid? ProviderId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid declarationId, CancellationToken cancellationToken) =>
        await LoadAsync(declarationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid declarationId, CancellationToken cancellationToken)
    {
        var outcome = Determination is { } determination
            ? await commands.DetermineAsync(declarationId, determination, Reasons, ProviderId, User, cancellationToken)
            : new DeclarationOutcome.Invalid(nameof(Determination), "");
        var status = StatusCodes.Status400BadRequest;
        switch (outcome)
        {
            case DeclarationOutcome.Done:
                return LocalRedirect($"/CiiProcurement/Declaration?declarationId={declarationId}");
            case DeclarationOutcome.NotFound:
                return NotFound();
            case DeclarationOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages.Where(m => m.Length > 0))
                        ModelState.AddModelError(field, message);
                if (Determination is null)
                    ModelState.AddModelError(nameof(Determination), text["CiiDeclarations.ChooseDetermination"]);
                break;
            case DeclarationOutcome.Forbidden forbidden:
                ModelState.AddModelError("", forbidden.Message);
                status = StatusCodes.Status403Forbidden;
                break;
            case DeclarationOutcome.Refused refused:
                ModelState.AddModelError("", refused.Message);
                status = StatusCodes.Status409Conflict;
                break;
            case DeclarationOutcome.Conflict:
                status = StatusCodes.Status409Conflict;
                break;
        }
        if (!await LoadAsync(declarationId, cancellationToken))
            return NotFound();
        return new PageResult { StatusCode = status };
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(User, id, cancellationToken) is not { } declaration)
            return false;
        Declaration = declaration;
        if (declaration.YouMayDetermine && declaration.ProductId is null)
            Providers = await queries.ProvidersAsync(cancellationToken);
        return true;
    }
}
