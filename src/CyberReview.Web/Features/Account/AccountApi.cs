using CyberReview.Data;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Account;

internal static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe).WithTags("Account").WithSummary("Who the token belongs to: name, organisation, roles.");
        api.MapGet("/tokens", ListTokens).WithTags("Account").WithSummary("Your personal access tokens (never the token values).");
        api.MapDelete("/tokens/{id:guid}", RevokeToken).WithTags("Account").WithSummary("Revoke one of your personal access tokens.");
    }

    public sealed record Me(Guid Id, string Email, string DisplayName, OrganisationSummary Organisation, IReadOnlyList<string> Roles);

    public sealed record OrganisationSummary(Guid Id, string Name, string Kind);

    public sealed record TokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

    private static async Task<Ok<Me>> GetMe(System.Security.Claims.ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var id = user.UserId();
        var me = await db.Users.Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Organisation })
            .SingleAsync(cancellationToken);
        return TypedResults.Ok(new Me(me.Id, me.Email ?? "", me.DisplayName,
            new OrganisationSummary(me.Organisation.Id, me.Organisation.Name, me.Organisation.Kind.ToString()),
            [.. user.Roles().Select(r => r.ToString())]));
    }

    private static async Task<Ok<List<TokenSummary>>> ListTokens(System.Security.Claims.ClaimsPrincipal user, ReviewDbContext db, CancellationToken cancellationToken)
    {
        var id = user.UserId();
        var tokens = await db.PersonalAccessTokens.Where(t => t.UserId == id)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(tokens);
    }

    private static async Task<Results<NoContent, NotFound>> RevokeToken(Guid id, System.Security.Claims.ClaimsPrincipal user, ReviewDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var token = await db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken);
        if (token is null)
            return TypedResults.NotFound();
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
