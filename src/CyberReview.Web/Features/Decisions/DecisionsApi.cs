using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Decisions;

internal static class DecisionsApi
{
    public static void AddCyberReviewDecisions(this IServiceCollection services)
    {
        services.AddScoped<DecisionCommands>();
        services.AddScoped<DecisionQueries>();
    }

    public static void MapDecisionsApi(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/cases/{id:guid}/decisions").WithTags("Decisions").RequireCapability(Capability.TakePartInCases);
        decisions.MapGet("/", List).WithSummary("The case's decisions, newest first, superseded ones included; and what you may record now.");
        decisions.MapPost("/", Record).RequireStepUp().WithSummary("Record the decision (the office after the panel agreed, the committee after an escalation, moving the case to Decided), " +
            "or, while decided and unpublished, a new decision that supersedes the current one (with a reason). Honours Idempotency-Key.");
    }

    public sealed record ConditionBody([property: Required, StringLength(DecisionCommands.MaxConditionLength)] string Text, [property: Required] DateOnly? Deadline);

    public sealed record DecisionBody(
        [property: Required] ReviewOutcome? Outcome,
        [property: MaxLength(DecisionCommands.MaxConditions)] IReadOnlyList<ConditionBody>? Conditions,
        [property: Required] IReadOnlyList<Guid> VersionIds,
        DateOnly? ValidFrom,
        DateOnly? ValidUntil,
        [property: Required] PublicationVisibility? Visibility,
        [property: StringLength(CaseCommands.MaxTextLength)] string? Reason);

    private static async Task<Results<Ok<CaseDecisions>, NotFound>> List(Guid id, ClaimsPrincipal user, DecisionQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user, id, cancellationToken) is { } decisions ? TypedResults.Ok(decisions) : TypedResults.NotFound();

    private static async Task<IResult> Record(Guid id, DecisionBody body, ClaimsPrincipal user, DecisionCommands commands, DecisionQueries queries,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var input = new DecisionInput(body.Outcome, [.. (body.Conditions ?? []).Select(c => new ConditionInput(c.Text, c.Deadline))], body.VersionIds,
            body.ValidFrom, body.ValidUntil, body.Visibility, body.Reason);
        var key = idempotencyKey is { Length: > 0 and <= 100 } ? idempotencyKey : null;
        return await commands.RecordAsync(id, input, user, cancellationToken, key) switch
        {
            CaseOutcome.Done => TypedResults.Created($"/api/v1/cases/{id}/decisions", await queries.GetAsync(user, id, cancellationToken)),
            CaseOutcome.NotFound => TypedResults.NotFound(),
            CaseOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            CaseOutcome.Refused refused => TypedResults.Problem(
                title: text["Cases.Refused.Title"], detail: CaseRefusalText.Describe(text, refused.Reason, Reviews.Cases.CaseAction.RecordDecision), statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["refusal"] = refused.Reason.GetType().Name, ["unmet"] = (refused.Reason as Reviews.Cases.CaseRefusal.NotReady)?.Unmet.Select(p => p.ToString()).ToArray() }),
            CaseOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }
}
