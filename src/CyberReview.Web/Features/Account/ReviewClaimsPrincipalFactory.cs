using System.Security.Claims;
using CyberReview.Data.Identity;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Account;

/// <summary>Adds the user's organisation and display name to the principal of a session or a token.</summary>
internal sealed class ReviewClaimsPrincipalFactory(
    UserManager<User> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(users, roles, options)
{
    public const string DisplayNameClaim = "cyberreview:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Authorization.OrganisationClaim, user.OrganisationId.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
