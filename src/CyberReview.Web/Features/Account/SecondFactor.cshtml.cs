using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// The second step of signing in: a code from the authenticator app, or one of the recovery codes. It works only
/// in the half-way session the password step left (five minutes); each code works once; wrong codes count towards
/// the account's lockout and the sign-in throttle as wrong passwords do.
/// </summary>
[AllowAnonymous]
public sealed class SecondFactorModel(
    ReviewSignInManager signIns,
    UserManager<User> users,
    SignInThrottle throttle,
    TimeProvider clock,
    IStringLocalizer<Resources.Text> text,
    ILogger<SecondFactorModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        return await signIns.GetTwoFactorAuthenticationUserAsync() switch
        {
            null => RedirectToPage("/Account/SignIn", new { returnUrl }),
            { TwoFactorEnabled: false } => RedirectToPage("/Account/Authenticator", new { returnUrl }),
            _ => Page(),
        };
    }

    public Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken) =>
        CheckAsync(returnUrl, Code, "SecondFactor.CodeInvalid",
            async user => await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorCodes.ProviderName, SingleUseAuthenticatorCodes.Normalize(Code)),
            cancellationToken);

    public Task<IActionResult> OnPostRecoveryAsync(string? returnUrl, CancellationToken cancellationToken) =>
        CheckAsync(returnUrl, RecoveryCode, "SecondFactor.RecoveryInvalid",
            async user => (await users.RedeemTwoFactorRecoveryCodeAsync(user, (RecoveryCode ?? "").Trim())).Succeeded,
            cancellationToken);

    private async Task<IActionResult> CheckAsync(string? returnUrl, string? given, string refusal, Func<User, Task<bool>> verify, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        var user = await signIns.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return RedirectToPage("/Account/SignIn", new { returnUrl });
        if (!user.TwoFactorEnabled)
            return RedirectToPage("/Account/Authenticator", new { returnUrl });
        if (string.IsNullOrWhiteSpace(given))
            return Refused(text["SecondFactor.CodeMissing"]);

        var retryAfter = await throttle.RetryAfterAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), SignInThrottle.SecondFactorAccount(user), cancellationToken);
        if (retryAfter is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Problem = text["SignIn.TooMany", (int)Math.Ceiling(wait.TotalMinutes)];
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (await users.IsLockedOutAsync(user))
            return Refused(text["SignIn.LockedOut"]);
        if (await verify(user))
        {
            await users.ResetAccessFailedCountAsync(user);
            await signIns.SignInWithSecondFactorAsync(user, clock.GetUtcNow());
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/Home");
        }
        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        logger.LogInformation("Second sign-in step refused ({Outcome})", lockedOut ? "locked out" : "wrong code");
        return Refused(lockedOut ? text["SignIn.LockedOut"] : text[refusal]);
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
