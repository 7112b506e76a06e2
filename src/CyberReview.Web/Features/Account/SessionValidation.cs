using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Checks a session cookie against the database on every request, not once in a while: a disabled or locked
/// account, a new security stamp (password, second factor or roles changed by an administrator) ends the session
/// at once, and the roles in the session are always the user's current roles.
/// </summary>
public sealed class SessionValidation(IOptions<SecurityStampValidatorOptions> options, SignInManager<User> signIns, ILoggerFactory logger)
    : SecurityStampValidator<User>(options, signIns, logger)
{
    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = await VerifySecurityStamp(context.Principal);
        if (user is not null && !await SignInManager.UserManager.IsLockedOutAsync(user))
        {
            await SecurityStampVerified(user, context);
            return;
        }
        context.RejectPrincipal();
        await SignInManager.SignOutAsync();
    }

    /// <summary>The rebuilt principal keeps what only the sign-in knew: that and when a second factor was checked.</summary>
    public static Task KeepSecondFactor(SecurityStampRefreshingPrincipalContext context)
    {
        var identity = context.NewPrincipal?.Identities.FirstOrDefault();
        if (identity is not null && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is SecondFactorClaims.Method or SecondFactorClaims.CheckedAt))
                if (!identity.HasClaim(claim.Type, claim.Value))
                    identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
        }
        return Task.CompletedTask;
    }
}
