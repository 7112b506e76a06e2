using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Conflicts;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CyberReview.Web.Features.Conflicts;

internal static class ConflictsApi
{
    public static void AddCyberReviewConflicts(this IServiceCollection services) => services.AddScoped<Declarations>();

    public static void MapConflictsApi(this RouteGroupBuilder api)
    {
        var declarations = api.MapGroup("/declarations").WithTags("Conflicts of interest").RequireCapability(Capability.DeclareConflicts);
        declarations.MapGet("/", List).WithSummary("Your own declared ties with providers, standing ones first; paged.");
        declarations.MapGet("/{id:guid}", Get).WithSummary("One of your declarations; 404 for anyone else's.");
        declarations.MapPost("/", Declare).WithSummary("Declare a tie with a provider; it rules you out of the provider's cases while it stands. Honours Idempotency-Key.");
        declarations.MapPost("/{id:guid}/withdrawal", Withdraw).WithSummary("Withdraw one of your declarations; the record stays, marked withdrawn.");
    }

    public sealed record DeclarationRequest(
        [property: Required] Guid ProviderId,
        [property: Required] RelationshipKind Kind,
        [property: Required, StringLength(Declarations.MaxDescriptionLength)] string Description);

    private static async Task<Ok<DeclarationList>> List(ClaimsPrincipal user, Declarations declarations, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await declarations.ListAsync(user, page ?? 1, pageSize ?? 25, cancellationToken));

    private static async Task<Results<Ok<DeclarationItem>, NotFound>> Get(Guid id, ClaimsPrincipal user, Declarations declarations, CancellationToken cancellationToken) =>
        await declarations.FindAsync(user, id, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static async Task<Results<Created<DeclarationItem>, ValidationProblem>> Declare(DeclarationRequest request, ClaimsPrincipal user, Declarations declarations,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var outcome = await declarations.DeclareAsync(user, request.ProviderId, request.Kind, request.Description, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        if (outcome is DeclarationOutcome.Invalid invalid)
            return TypedResults.ValidationProblem(invalid.Errors);
        var id = ((DeclarationOutcome.Done)outcome).Id;
        return TypedResults.Created($"/api/v1/declarations/{id}", await declarations.FindAsync(user, id, cancellationToken));
    }

    private static async Task<Results<Ok<DeclarationItem>, NotFound>> Withdraw(Guid id, ClaimsPrincipal user, Declarations declarations, CancellationToken cancellationToken) =>
        await declarations.WithdrawAsync(user, id, cancellationToken) is DeclarationOutcome.Done
            ? TypedResults.Ok((await declarations.FindAsync(user, id, cancellationToken))!)
            : TypedResults.NotFound();
}
