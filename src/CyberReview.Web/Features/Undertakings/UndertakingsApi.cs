using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Undertakings;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Undertakings;

internal static class UndertakingsApi
{
    /// <summary>The problem type of the 403 that answers a member who has not accepted the case's terms yet.</summary>
    public const string RequiredProblemType = "https://cyberreview.local/problems/undertaking-required";

    public static void AddCyberReviewUndertakings(this IServiceCollection services) => services.AddScoped<CaseUndertakings>();

    /// <summary>Where the case's terms are read (GET) and accepted (POST).</summary>
    public static string PathOf(Guid caseId) => $"/api/v1/cases/{caseId}/undertaking";

    public static void MapUndertakingsApi(this RouteGroupBuilder api)
    {
        var undertaking = api.MapGroup("/cases/{caseId:guid}/undertaking").WithTags("Undertakings").RequireCapability(Capability.TakePartInCases)
            .WithMetadata(new OpensBeforeUndertakingAttribute());
        undertaking.MapGet("/", Read)
            .WithSummary("The case's confidentiality terms (Art. 13) in the request's language, their version, whether you must accept them and when you did.");
        undertaking.MapPost("/", Accept)
            .WithSummary("Accept the case's confidentiality terms, as evaluators and experts must before their first access to the case (`accepted: true`). " +
                "Recorded with who, the terms version, when and from where; accepting again returns the first acceptance, so no Idempotency-Key is needed.");
    }

    public sealed record AcceptRequest(bool Accepted);

    private static async Task<Results<Ok<UndertakingView>, NotFound>> Read(Guid caseId, ClaimsPrincipal user, CaseUndertakings undertakings, CancellationToken cancellationToken) =>
        await undertakings.ViewAsync(caseId, user, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<AcceptanceView>, Ok<AcceptanceView>, NotFound, ValidationProblem>> Accept(Guid caseId, AcceptRequest request, ClaimsPrincipal user,
        CaseUndertakings undertakings, CancellationToken cancellationToken)
    {
        var before = await undertakings.AcceptanceAsync(caseId, user.UserId(), cancellationToken);
        switch (await undertakings.AcceptAsync(caseId, request.Accepted, user, cancellationToken))
        {
            case CaseOutcome.NotFound:
                return TypedResults.NotFound();
            case CaseOutcome.Invalid invalid:
                return TypedResults.ValidationProblem(invalid.Errors);
        }
        var acceptance = await undertakings.AcceptanceAsync(caseId, user.UserId(), cancellationToken)
            ?? throw new InvalidOperationException("An accepted undertaking was not found.");
        return before is null ? TypedResults.Created(PathOf(caseId), acceptance) : TypedResults.Ok(acceptance);
    }

    /// <summary>The API's answer to a member who has not accepted the case's terms: 403, naming the undertaking and where to accept it.</summary>
    public static IResult Required(Guid caseId, IStringLocalizer text) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: text["Undertakings.Required"],
        detail: text["Undertakings.RequiredDetail", ConfidentialityUndertaking.CurrentTerms, PathOf(caseId)],
        type: RequiredProblemType,
        extensions: new Dictionary<string, object?>
        {
            ["termsVersion"] = ConfidentialityUndertaking.CurrentTerms,
            ["terms"] = PathOf(caseId),
            ["accept"] = new { method = "POST", href = PathOf(caseId), body = new { accepted = true } },
        });
}
