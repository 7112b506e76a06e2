using System.Globalization;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Authorization;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// What a session says about its second factor. Identity marks a session completed with a second factor with
/// <c>amr=mfa</c> (RFC 8176); we add when that factor was last checked, for step-up.
/// </summary>
public static class SecondFactorClaims
{
    public const string Method = "amr";
    public const string MultiFactor = "mfa";
    public const string CheckedAt = "cyberreview:second-factor-at";

    /// <summary>The claims a session carries once a second factor has been checked now.</summary>
    public static Claim[] For(DateTimeOffset checkedAt) =>
    [
        new(Method, MultiFactor),
        new(CheckedAt, checkedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>
    /// A session that went through the second step, or a personal access token: tokens are made only in such a
    /// session, and the token handler refuses a token whose owner needs a second factor and has none set up.
    /// </summary>
    public static bool HasSecondFactor(this ClaimsPrincipal user) =>
        user.HasClaim(Method, MultiFactor)
        || user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == PersonalAccessTokenHandler.SchemeName);

    /// <summary>Whether this principal lacks a second factor its roles demand.</summary>
    public static bool LacksRequiredSecondFactor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && SecondFactorRules.RequiredFor(user.Roles()) && !user.HasSecondFactor();

    public static DateTimeOffset? SecondFactorCheckedAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(CheckedAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}

/// <summary>Part of every policy: a user whose roles need a second factor gets nothing without one.</summary>
public sealed class SecondFactorRequirement : AuthorizationHandler<SecondFactorRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecondFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !context.User.LacksRequiredSecondFactor())
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
