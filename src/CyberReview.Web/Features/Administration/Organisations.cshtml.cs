using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Administration;

[RequireCapability(Capability.ManageOrganisations)]
public sealed class OrganisationsModel(OrganisationRegister register) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public OrganisationKind Kind { get; set; } = OrganisationKind.Provider;

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public bool Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Organisations = await register.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await register.RegisterAsync(Name ?? "", Kind, cancellationToken);
        foreach (var (_, messages) in outcome.Errors)
            foreach (var message in messages)
                ModelState.AddModelError("", message);
        Organisations = await register.ListAsync(cancellationToken);
        if (!outcome.Succeeded)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        Created = true;
        Name = "";
        return Page();
    }
}
