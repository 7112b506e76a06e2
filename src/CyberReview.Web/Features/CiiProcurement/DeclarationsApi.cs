using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.CiiProcurement;

internal static class DeclarationsApi
{
    public static void AddCyberReviewCiiProcurement(this IServiceCollection services)
    {
        services.AddScoped<DeclarationCommands>();
        services.AddScoped<DeclarationQueries>();
        services.AddScoped<CiiOperatorRegister>();
    }

    public static void MapCiiDeclarationsApi(this RouteGroupBuilder api)
    {
        var declarations = api.MapGroup("/cii-declarations").WithTags("CII procurement");
        declarations.MapGet("/", List).WithSummary("CII procurement declarations you may see (an operator its own, a protection department its sector's, the office all), newest first; filter by status; paged.");
        declarations.MapGet("/{id:guid}", Get).WithSummary("One declaration with its determination and, once under review, the review's stage; 404 unless you may see it.");
        declarations.MapPost("/", File).RequireCapability(Capability.FileProcurementDeclarations)
            .WithSummary("A CII operator's procurer declares a planned purchase: a registered product and versions, or both in free text; purpose, system, MLPS level, contract reference and all three supplier commitments. Honours Idempotency-Key.");
        declarations.MapPost("/{id:guid}/determination", Determine).RequireCapability(Capability.DetermineCiiPurchases)
            .WithSummary("The operator's protection department determines whether the purchase may affect national security, with reasons; MayAffectNationalSecurity opens a review case on the CII trigger. 409 once determined.");
    }

    public sealed record DeclarationRequest(
        Guid? ProductId,
        IReadOnlyList<Guid>? VersionIds,
        [property: StringLength(DeclarationRules.MaxNameLength)] string? ProductName,
        [property: StringLength(DeclarationRules.MaxNameLength)] string? SupplierName,
        [property: StringLength(DeclarationRules.MaxNameLength)] string? VersionsText,
        [property: Required, StringLength(DeclarationRules.MaxTextLength)] string? Purpose,
        [property: Required, StringLength(DeclarationRules.MaxNameLength)] string? SystemName,
        [property: Required] ProtectionLevel? Level,
        IReadOnlyList<SupplierCommitment>? Commitments,
        [property: Required, StringLength(DeclarationRules.MaxNameLength)] string? ContractReference);

    public sealed record DeterminationRequest([property: Required] Determination? Determination, [property: StringLength(DeclarationRules.MaxTextLength)] string? Reasons, Guid? ProviderId);

    private static async Task<Ok<Paged<DeclarationListItem>>> List(ClaimsPrincipal user, DeclarationQueries queries, DeclarationStatus? status, int? page, int? pageSize,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, new DeclarationFilter(status, page ?? 1, pageSize ?? 25), cancellationToken));

    private static async Task<Results<Ok<DeclarationView>, NotFound>> Get(Guid id, ClaimsPrincipal user, DeclarationQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user, id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<IResult> File(DeclarationRequest request, ClaimsPrincipal user, DeclarationCommands commands, DeclarationQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.FileAsync(new NewDeclaration(request.ProductId, request.VersionIds ?? [], request.ProductName, request.SupplierName, request.VersionsText,
            request.Purpose, request.SystemName, request.Level, request.Commitments ?? [], request.ContractReference), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is DeclarationOutcome.Done done
            ? TypedResults.Created($"/api/v1/cii-declarations/{done.DeclarationId}", await queries.GetAsync(user, done.DeclarationId, cancellationToken))
            : Problem(outcome, text);
    }

    private static async Task<IResult> Determine(Guid id, DeterminationRequest request, ClaimsPrincipal user, DeclarationCommands commands, DeclarationQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.DetermineAsync(id, request.Determination ?? default, request.Reasons, request.ProviderId, user, cancellationToken);
        return outcome is DeclarationOutcome.Done ? TypedResults.Ok(await queries.GetAsync(user, id, cancellationToken)) : Problem(outcome, text);
    }

    internal static IResult Problem(DeclarationOutcome outcome, IStringLocalizer text) => outcome switch
    {
        DeclarationOutcome.NotFound => TypedResults.NotFound(),
        DeclarationOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        DeclarationOutcome.Forbidden forbidden => TypedResults.Problem(title: text["CiiDeclarations.Forbidden.Title"], detail: forbidden.Message, statusCode: StatusCodes.Status403Forbidden),
        DeclarationOutcome.Refused refused => TypedResults.Problem(title: text["CiiDeclarations.Refused.Title"], detail: refused.Message, statusCode: StatusCodes.Status409Conflict),
        DeclarationOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("A finished command is not a problem."),
    };
}
