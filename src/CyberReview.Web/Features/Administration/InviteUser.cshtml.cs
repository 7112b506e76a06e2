using System.ComponentModel.DataAnnotations;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Administration;

/// <summary>
/// Invites a person: the account exists at once, without a password; the administrator passes the
/// one-time link on (there is no mail server on the default installation).
/// </summary>
[RequireCapability(Capability.ManageUsers)]
public sealed class InviteUserModel(ReviewDbContext db, UserAdministration administration) : PageModel
{
    [BindProperty]
    public InviteForm Form { get; set; } = new();

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];
    public string? InvitationLink { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await UserFieldsView.OrganisationsAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisations = await UserFieldsView.OrganisationsAsync(db, cancellationToken);
        if (!ModelState.IsValid)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        var outcome = await administration.InviteAsync(
            new UserAssignment(Form.Email, Form.DisplayName, Form.OrganisationId, Form.Roles),
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}",
            cancellationToken);
        if (!outcome.Succeeded)
        {
            foreach (var (field, messages) in outcome.Errors)
                foreach (var message in messages)
                    ModelState.AddModelError($"Form.{field}", message);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        InvitationLink = outcome.InvitationLink;
        return Page();
    }

    public sealed class InviteForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.DisplayName")]
        public string DisplayName { get; set; } = "";

        [Display(Name = "Field.Organisation")]
        public Guid OrganisationId { get; set; }

        [Display(Name = "Field.Roles")]
        public List<Role> Roles { get; set; } = [];
    }
}
