using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Identity's sign-in, with one change: a user whose roles need a second factor always gets the second step after
/// the password, set up or not, so a password alone never yields a session (the step sends them to set one up).
/// </summary>
public sealed class ReviewSignInManager(
    UserManager<User> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<User> principals,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation)
    : SignInManager<User>(users, context, principals, options, logger, schemes, confirmation)
{
    public override async Task<bool> IsTwoFactorEnabledAsync(User user) =>
        await NeedsSecondFactorAsync(user) || await base.IsTwoFactorEnabledAsync(user);

    public async Task<bool> NeedsSecondFactorAsync(User user) =>
        SecondFactorRules.RequiredFor(RolesOf(await UserManager.GetRolesAsync(user)));

    internal static IEnumerable<Role> RolesOf(IEnumerable<string> names) =>
        names.Select(name => Enum.TryParse<Role>(name, out var role) ? (Role?)role : null).OfType<Role>();

    /// <summary>
    /// The full session after a second factor was checked: Identity's sign-in with <c>amr=mfa</c> and the time of
    /// the check; the half-way session of the second step ends.
    /// </summary>
    public async Task SignInWithSecondFactorAsync(User user, DateTimeOffset checkedAt)
    {
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(user, isPersistent: false, SecondFactorClaims.For(checkedAt));
    }
}
