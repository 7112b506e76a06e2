using System.Text;
using CyberReview.Data;
using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Two-step sign-in for one's own account: set up an authenticator app (the key in groups, an otpauth:// address and
/// a QR code), confirm it with a code, see the recovery codes once; later, new recovery codes or start over. Open
/// to a full session, and to the half-way session of a user whose roles need a second factor and who has none yet:
/// a password alone never replaces a second factor that is set up.
/// </summary>
[AllowAnonymous]
public sealed class AuthenticatorModel(
    ReviewSignInManager signIns,
    UserManager<User> users,
    IUserStore<User> store,
    ReviewDbContext db,
    SignInThrottle throttle,
    TimeProvider clock,
    IStringLocalizer<Resources.Text> text) : PageModel
{
    public const string Issuer = "CyberReview";
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public string? ReturnUrl { get; private set; }
    public bool Enrolled { get; private set; }
    public bool Required { get; private set; }
    public string? Key { get; private set; }
    public string? KeyInGroups { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? QrCodeSvg { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? Problem { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? notice)
    {
        ReturnUrl = returnUrl;
        Notice = notice == "reset" ? "Authenticator.ResetDone" : null;
        var (user, redirect) = await WhoAsync(returnUrl);
        if (user is null)
            return redirect!;
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Confirms a new authenticator with its first code, turns two-step sign-in on and shows the recovery codes once.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = returnUrl;
        var (user, redirect) = await WhoAsync(returnUrl);
        if (user is null)
            return redirect!;
        if (user.TwoFactorEnabled)
            return RedirectToPage();
        if (!await CodeIsRightAsync(user, cancellationToken))
            return await RefusedAsync(user);

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIns.SignInWithSecondFactorAsync(user, clock.GetUtcNow());
        await LoadAsync(user);
        return Page();
    }

    /// <summary>New recovery codes (the old ones stop working), after a current code.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var user = await FullSessionUserAsync();
        if (user is not { TwoFactorEnabled: true })
            return RedirectToPage();
        if (!await CodeIsRightAsync(user, cancellationToken))
            return await RefusedAsync(user);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIns.SignInWithSecondFactorAsync(user, clock.GetUtcNow());
        await LoadAsync(user);
        return Page();
    }

    /// <summary>
    /// Starts over (a new phone): after a current code, the key is replaced, two-step sign-in is off, every session and
    /// personal access token of the user ends. A user whose roles need a second factor sets one up at the next sign-in.
    /// </summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        var user = await FullSessionUserAsync();
        if (user is not { TwoFactorEnabled: true })
            return RedirectToPage();
        if (!await CodeIsRightAsync(user, cancellationToken))
            return await RefusedAsync(user);
        await ResetAsync(users, db, clock, user, cancellationToken);
        if (await signIns.NeedsSecondFactorAsync(user))
        {
            await signIns.SignOutAsync();
            return RedirectToPage("/Account/SignIn", new { notice = "second-factor" });
        }
        await signIns.SignInAsync(user, isPersistent: false);
        return RedirectToPage(new { notice = "reset" });
    }

    /// <summary>Ends a user's second factor: a new key (and security stamp, which ends every session), no recovery codes, no tokens.</summary>
    public static async Task ResetAsync(UserManager<User> users, ReviewDbContext db, TimeProvider clock, User user, CancellationToken cancellationToken)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        var now = clock.GetUtcNow();
        await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
    }

    /// <summary>The user of a full session, else of the half-way session if they have no second factor yet.</summary>
    private async Task<(User? User, IActionResult? Redirect)> WhoAsync(string? returnUrl)
    {
        if (await FullSessionUserAsync() is { } signedIn)
            return (signedIn, null);
        var halfway = await signIns.GetTwoFactorAuthenticationUserAsync();
        return halfway switch
        {
            null => (null, RedirectToPage("/Account/SignIn", new { returnUrl })),
            { TwoFactorEnabled: true } => (null, RedirectToPage("/Account/SecondFactor", new { returnUrl })),
            _ => (halfway, null),
        };
    }

    private async Task<User?> FullSessionUserAsync() =>
        signIns.IsSignedIn(User) ? await users.GetUserAsync(User) : null;

    private async Task<bool> CodeIsRightAsync(User user, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            Problem = text["SecondFactor.CodeMissing"];
            return false;
        }
        if (await throttle.RetryAfterAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), SignInThrottle.SecondFactorAccount(user), cancellationToken) is not null
            || await users.IsLockedOutAsync(user))
        {
            Problem = text["SignIn.LockedOut"];
            return false;
        }
        if (await users.VerifyTwoFactorTokenAsync(user, SingleUseAuthenticatorCodes.ProviderName, SingleUseAuthenticatorCodes.Normalize(Code)))
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }
        await users.AccessFailedAsync(user);
        Problem = text["SecondFactor.CodeInvalid"];
        return false;
    }

    private async Task<PageResult> RefusedAsync(User user)
    {
        await LoadAsync(user);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(User user)
    {
        Enrolled = user.TwoFactorEnabled;
        Required = await signIns.NeedsSecondFactorAsync(user);
        if (Enrolled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        Key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(Key))
        {
            // Written without a new security stamp: showing the page must not end the session that shows it.
            Key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, Key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        KeyInGroups = InGroups(Key);
        AuthenticatorUri = UriFor(user.Email ?? user.UserName ?? "", Key);
        using var qr = QRCoder.QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.M);
        QrCodeSvg = new QRCoder.SvgQRCode(qr).GetGraphic(4);
    }

    public static string InGroups(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return grouped.ToString().ToLowerInvariant();
    }

    /// <summary>The key-uri format authenticator apps read: issuer and account, SHA-1, six digits, thirty seconds.</summary>
    public static string UriFor(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}
