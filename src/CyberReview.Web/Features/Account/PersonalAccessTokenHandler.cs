using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CyberReview.Data;
using CyberReview.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Authenticates <c>Authorization: Bearer crv_…</c> with a personal access token: looked up by its
/// SHA-256 hash, refused when revoked, expired, when its owner is locked out or disabled, has no role, or
/// needs a second factor and has none set up.
/// </summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReviewDbContext db,
    UserManager<User> users,
    IUserClaimsPrincipalFactory<User> principals,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";
    public const string TokenPrefix = "crv_";
    private const string FailureKey = "cyberreview:token-failure";

    /// <summary>The id of the token a request came with, for the audit trail.</summary>
    public const string TokenIdClaim = "cyberreview:token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var presented = header["Bearer ".Length..].Trim();
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 100)
            return Fail("The bearer token is not a CyberReview personal access token.");

        var hash = HashOf(presented);
        var token = await db.PersonalAccessTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null)
            return Fail("The token is not known.");
        if (token.RevokedAt is not null)
            return Fail("The token has been revoked.");
        if (now >= token.ExpiresAt)
            return Fail("The token has expired.");
        if (await users.IsLockedOutAsync(token.User))
            return Fail("The account that owns the token is disabled or locked.");
        // Roles are read afresh on every request, so a token loses what its owner loses at once.
        var roles = await users.GetRolesAsync(token.User);
        if (roles.Count == 0)
            return Fail("The account that owns the token has no role.");
        if (Reviews.Access.SecondFactorRules.RequiredFor(ReviewSignInManager.RolesOf(roles)) && !token.User.TwoFactorEnabled)
            return Fail("The account that owns the token needs two-step sign-in: set up an authenticator app, then create a new token.");

        // Recording every use would write on every request; a minute's precision is enough to spot stale tokens.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(token.User);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        // For step-up: a token is made in a session that has just confirmed a second factor (Tokens page).
        identity.AddClaim(new Claim(SecondFactorClaims.CheckedAt, token.CreatedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Context.Items[FailureKey] as string ?? "Send a personal access token as 'Authorization: Bearer <token>'. Create one under API tokens.";
        await Results.Problem(title: "Authentication required", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(title: "Forbidden", detail: "Your roles do not allow this operation.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    public static byte[] HashOf(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>A new token: the prefix and 32 random bytes, base64url.</summary>
    public static string NewToken() => TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
