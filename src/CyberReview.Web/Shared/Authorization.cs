using System.Security.Claims;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;

namespace CyberReview.Web.Shared;

internal static class Authorization
{
    public const string ApiToken = "ApiToken";

    /// <summary>
    /// Deny by default: every page and endpoint needs a signed-in user unless it says otherwise,
    /// and each capability of <see cref="AccessRules"/> is a policy of the same name.
    /// </summary>
    public static void AddCyberReviewAuthorization(this IServiceCollection services)
    {
        // Every policy also asks for the second factor the user's roles need (SecondFactorRules): without it, nothing.
        services.AddSingleton<IAuthorizationHandler, SecondFactorRequirement>();
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()).Build();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(signedIn)
            .SetDefaultPolicy(signedIn)
            .AddPolicy(ApiToken, policy => policy
                .AddAuthenticationSchemes(PersonalAccessTokenHandler.SchemeName)
                .RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement()));
        foreach (var capability in Enum.GetValues<Capability>())
        {
            authorization.AddPolicy(capability.ToString(), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new SecondFactorRequirement())
                .RequireRole(AccessRules.RolesWith(capability).Select(IdentitySetup.RoleName)));
        }
    }

    /// <summary>The API takes personal access tokens only, so a browser session cannot be ridden by a cross-site request.</summary>
    public static RouteGroupBuilder RequireApiToken(this RouteGroupBuilder group) => group.RequireAuthorization(ApiToken);

    public static TBuilder RequireCapability<TBuilder>(this TBuilder builder, Capability capability)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(capability.ToString());

    public static IReadOnlyList<Role> Roles(this ClaimsPrincipal user) =>
        [.. Enum.GetValues<Role>().Where(role => user.IsInRole(IdentitySetup.RoleName(role)))];

    public static bool Has(this ClaimsPrincipal user, Capability capability) =>
        user.Identity?.IsAuthenticated == true && AccessRules.Grants(user.Roles(), capability);

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The user is not signed in."));

    /// <summary>The name the user is shown by, as records keep it; the sign-in name, or "?", for a principal without one.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(Features.Account.ReviewClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "?";

    public static Guid OrganisationId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(OrganisationClaim) ?? throw new InvalidOperationException("The user has no organisation."));

    /// <summary>Carried in the session and token principals, so object-level filters need no extra query.</summary>
    public const string OrganisationClaim = "cyberreview:organisation";
}

/// <summary>Limits a page to the roles that grant a capability.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
internal sealed class RequireCapabilityAttribute(Capability capability) : AuthorizeAttribute(capability.ToString())
{
    public Capability Capability { get; } = capability;
}
