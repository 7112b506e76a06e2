using System.ComponentModel.DataAnnotations;
using CyberReview.Data.Identity;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// An invited user chooses a password here. The link carries a single-use token that Identity
/// issues (valid seven days) and that stops working once a password is set.
/// </summary>
[AllowAnonymous]
public sealed class InvitationModel(UserManager<User> users, TimeProvider clock, IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public bool IsValid { get; private set; }
    public Guid UserId { get; private set; }
    public string Token { get; private set; } = "";
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid user, string? token)
    {
        var invited = await FindAsync(user, token);
        if (invited is null)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid user, string? token)
    {
        var invited = await FindAsync(user, token);
        if (invited is null)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        if (Form.Password != Form.Confirmation)
            ModelState.AddModelError("Form.Confirmation", text["Invitation.Mismatch"]);
        if (!ModelState.IsValid)
            return Page();

        var result = await users.ResetPasswordAsync(invited, Token, Form.Password);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, "Form.Password", result, text);
            return Page();
        }
        invited.ActivatedAt = clock.GetUtcNow();
        invited.EmailConfirmed = true;
        await users.UpdateAsync(invited);
        return LocalRedirect("/Account/SignIn?notice=activated");
    }

    private async Task<User?> FindAsync(Guid userId, string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.ActivatedAt is not null
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<User>.ResetPasswordTokenPurpose, token))
            return null;
        (IsValid, UserId, Token, Email) = (true, user.Id, token, user.Email ?? "");
        return user;
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.ConfirmPassword")]
        public string Confirmation { get; set; } = "";
    }
}
