using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Confirms a signed-in user with a fresh authenticator code before an act that signs, publishes or destroys, then
/// returns to the page the act was on. Only about the user's own session.
/// </summary>
public sealed class StepUpModel(
    ReviewSignInManager signIns,
    UserManager<User> users,
    StepUp stepUp,
    TimeProvider clock,
    IStringLocalizer<Resources.Text> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? ReturnUrl { get; private set; }
    public bool HasAuthenticator { get; private set; }
    public string? Problem { get; private set; }
    public int WindowMinutes => (int)stepUp.Window.TotalMinutes;

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/SignIn");
        HasAuthenticator = user.TwoFactorEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Account/SignIn");
        HasAuthenticator = user.TwoFactorEnabled;
        if (string.IsNullOrWhiteSpace(Code))
            return Refused(text["SecondFactor.CodeMissing"]);
        if (!await stepUp.ConfirmAsync(user, Code))
            return Refused(await users.IsLockedOutAsync(user) ? text["SignIn.LockedOut"] : text["SecondFactor.CodeInvalid"]);
        await signIns.SignInWithSecondFactorAsync(user, clock.GetUtcNow());
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Home");
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
