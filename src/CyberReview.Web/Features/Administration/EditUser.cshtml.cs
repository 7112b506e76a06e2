using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Administration;

[RequireCapability(Capability.ManageUsers)]
public sealed class EditUserModel(ReviewDbContext db, UserAdministration administration, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public UserRow Subject { get; private set; } = null!;
    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];
    public bool Saved { get; private set; }
    public string? InvitationLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Form = new EditForm { OrganisationId = Subject.OrganisationId, Roles = [.. Subject.Roles], Disabled = Subject.Status == UserStatus.Disabled };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        var outcome = await administration.ChangeAsync(id, Form.OrganisationId, Form.Roles, Form.Disabled, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (field, messages) in outcome.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError($"Form.{field}", message);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await LoadAsync(id, cancellationToken);
        Saved = true;
        return Page();
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Form = new EditForm { OrganisationId = Subject.OrganisationId, Roles = [.. Subject.Roles], Disabled = Subject.Status == UserStatus.Disabled };
        var outcome = await administration.ReissueInvitationAsync(id, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(field, message);
        InvitationLink = outcome.InvitationLink;
        return Page();
    }

    [Account.RequiresStepUp]
    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Form = new EditForm { OrganisationId = Subject.OrganisationId, Roles = [.. Subject.Roles], Disabled = Subject.Status == UserStatus.Disabled };
        var outcome = await administration.ResetSecondFactorAsync(id, cancellationToken);
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages)
                ModelState.AddModelError(field, message);
        SecondFactorReset = outcome.Succeeded;
        return Page();
    }

    public bool SecondFactorReset { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var rows = await UserDirectory.ListAsync(db, clock.GetUtcNow(), cancellationToken, onlyUser: id);
        if (rows.Count == 0)
            return false;
        Subject = rows[0];
        Organisations = await UserFieldsView.OrganisationsAsync(db, cancellationToken);
        return true;
    }

    public sealed class EditForm
    {
        public Guid OrganisationId { get; set; }
        public List<Role> Roles { get; set; } = [];
        public bool Disabled { get; set; }
    }
}
