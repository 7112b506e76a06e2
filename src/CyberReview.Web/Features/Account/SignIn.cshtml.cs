using System.ComponentModel.DataAnnotations;
using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<User> signIns,
    SignInThrottle throttle,
    IStringLocalizer<Resources.Text> text,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    public string? ReturnUrl { get; private set; }
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }

    public void OnGet(string? returnUrl, string? notice)
    {
        ReturnUrl = returnUrl;
        Notice = notice switch
        {
            "activated" => "SignIn.Activated",
            "second-factor" => "SignIn.SecondFactorNeeded",
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
            return Page();

        var retryAfter = await throttle.RetryAfterAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), Form.Email, cancellationToken);
        if (retryAfter is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Problem = text["SignIn.TooMany", (int)Math.Ceiling(wait.TotalMinutes)];
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        var result = await signIns.PasswordSignInAsync(Form.Email.Trim(), Form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Home");
        if (result.RequiresTwoFactor)
        {
            // Only the half-way session of the second step: no earlier full session survives a new sign-in.
            await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return RedirectToPage("/Account/SecondFactor", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
        }

        logger.LogInformation("Sign-in refused ({Outcome})", result.IsLockedOut ? "locked out" : "wrong credentials");
        Problem = result.IsLockedOut ? text["SignIn.LockedOut"] : text["SignIn.Invalid"];
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = "";
    }
}
