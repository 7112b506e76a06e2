using System.Security.Claims;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberReview.Web.Features.Registry;

internal static class RegistryApi
{
    public static void AddCyberReviewRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RegistryQueries>();
        services.Configure<RegistryExpiryOptions>(configuration.GetSection("Registry:Expiry"));
        services.AddHostedService<RegistryExpiry>();
    }

    /// <summary>
    /// The registry is public, so its endpoint sits outside the token-only /api/v1 group: without a token it answers
    /// what anyone may see; with a personal access token, what its owner may see; a bad token is refused (401), never
    /// quietly read as anonymous. A browser session cookie counts for nothing here, as everywhere in the API.
    /// </summary>
    public static void MapRegistryApi(this WebApplication app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry").AllowAnonymous();
        registry.MapGet("/", List).WithSummary("Published results (product, provider, versions, outcome, decision date, validity, status) that you may see: " +
            "public ones without a token; with one, also those circulated to you. Filter by text or outcome; paged.");
    }

    private static async Task<Results<Ok<RegistryPage>, ProblemHttpResult>> List(HttpContext http, RegistryQueries queries, string? search, ReviewOutcome? outcome,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var token = await http.AuthenticateAsync(PersonalAccessTokenHandler.SchemeName);
        if (token.Failure is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "Authentication required", detail: token.Failure.Message, statusCode: StatusCodes.Status401Unauthorized);
        }
        var reader = token.Succeeded ? token.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        return TypedResults.Ok(await queries.ListAsync(reader, new RegistryFilter(search, outcome, page ?? 1, pageSize ?? 25), cancellationToken));
    }
}
