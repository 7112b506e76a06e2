using CyberReview.Reviews.Access;
using CyberReview.Reviews.Conflicts;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Conflicts;

/// <summary>"My declarations": an expert or evaluator declares ties with providers and withdraws them.</summary>
[RequireCapability(Capability.DeclareConflicts)]
public sealed class DeclarationsModel(Declarations declarations) : PageModel
{
    [BindProperty]
    public DeclarationForm Form { get; set; } = new();

    public DeclarationList List { get; private set; } = new([], 0, 1, DeclarationList.MaxPageSize);
    public IReadOnlyList<NamedItem> Providers { get; private set; } = [];
    public bool Declared { get; private set; }
    public bool Withdrawn { get; private set; }

    public async Task OnGetAsync(bool declared, bool withdrawn, CancellationToken cancellationToken)
    {
        (Declared, Withdrawn) = (declared, withdrawn);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclareAsync(CancellationToken cancellationToken)
    {
        var outcome = await declarations.DeclareAsync(User, Form.ProviderId, Form.Kind, Form.Description, cancellationToken);
        if (outcome is DeclarationOutcome.Done)
            return LocalRedirect("/Conflicts/Declarations?declared=true");
        if (outcome is DeclarationOutcome.Invalid invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError($"Form.{field}", message);
        }
        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken) =>
        await declarations.WithdrawAsync(User, id, cancellationToken) is DeclarationOutcome.Done
            ? LocalRedirect("/Conflicts/Declarations?withdrawn=true")
            : NotFound();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        List = await declarations.ListAsync(User, 1, DeclarationList.MaxPageSize, cancellationToken);
        Providers = await declarations.ProvidersAsync(cancellationToken);
    }

    public sealed class DeclarationForm
    {
        public Guid ProviderId { get; set; }
        public RelationshipKind Kind { get; set; } = RelationshipKind.PaidWork;
        public string? Description { get; set; }
    }
}
