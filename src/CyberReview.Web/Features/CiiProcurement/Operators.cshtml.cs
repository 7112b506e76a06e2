using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.CiiProcurement;

/// <summary>The procuring bodies designated as CII operators, and under which protection department each files.</summary>
[RequireCapability(Capability.ManageOrganisations)]
public sealed class OperatorsModel(CiiOperatorRegister register) : PageModel
{
    public IReadOnlyList<CiiOperatorRow> Operators { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, OrganisationKind Kind)> Organisations { get; private set; } = [];

    [BindProperty]
    public Guid OrganisationId { get; set; }

    [BindProperty]
    public Guid DepartmentId { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await register.DesignateAsync(OrganisationId, DepartmentId, cancellationToken) is not { } error)
            return LocalRedirect("/CiiProcurement/Operators");
        ModelState.AddModelError(error.Field, error.Message);
        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Operators = await register.ListAsync(cancellationToken);
        Organisations = await register.OrganisationsAsync(cancellationToken);
    }
}
