using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Panels;

internal static class PanelsApi
{
    public static void AddCyberReviewPanels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PanelOptions>()
            .Bind(configuration.GetSection(PanelOptions.Section))
            .Validate(o => PanelRule.IsPanelSize(o.Seats), $"Panels:Seats must be odd, from {PanelRule.SmallestPanel} to {PanelRule.LargestPanel}.")
            .Validate(o => o.AgreementRule.IsValid, "Panels:Agreement must be Unanimous, or QualifiedMajority with AgreementNumerator/AgreementDenominator above one half.")
            .ValidateOnStart();
        services.AddScoped<PanelCommands>();
        services.AddScoped<PanelQueries>();
    }

    public static void MapPanelsApi(this RouteGroupBuilder api)
    {
        var panel = api.MapGroup("/cases/{id:guid}/panel").WithTags("Panels").RequireCapability(Capability.TakePartInCases);
        panel.MapGet("/", Get).WithSummary("The case's expert panel: seats, opinions and votes as you may see them, verdict, draws; for the office, the committee and the panel's experts.");
        panel.MapPost("/draws", Draw).WithSummary("The office draws the panel of a case in evaluation, at random among available, unconflicted experts with fitting expertise; refused with the number eligible when too few. Honours Idempotency-Key.");
        panel.MapGet("/draws/{drawId:guid}", Audit).WithSummary("A draw's audit record: seed, rule, candidates in order, kept seats, experts drawn, and whether re-running the draw gives the same panel.");
        panel.MapPost("/replacements", Replace).WithSummary("The office redraws every seat held by an expert now ruled out by a conflict of interest, keeping the rest of the panel. Honours Idempotency-Key.");
        panel.MapPut("/opinions", Opine).WithSummary("A seated expert gives or revises opinions on the panel's risk areas (rating and reasoning) until voting.");
        panel.MapPost("/votes", Vote).WithSummary("A seated expert who has given an opinion on every risk area votes; final. Honours Idempotency-Key.");
    }

    public sealed record DrawBody([property: Range(PanelRule.SmallestPanel, PanelRule.LargestPanel)] int? Seats, IReadOnlyList<RiskArea>? RiskAreas);

    public sealed record OpinionBody([property: Required] RiskArea? RiskArea, [property: Required] OpinionRating? Rating,
        [property: Required, StringLength(PanelCommands.MaxReasoningLength)] string Reasoning);

    public sealed record OpinionsBody([property: Required, MinLength(1)] IReadOnlyList<OpinionBody> Opinions);

    public sealed record VoteBody([property: Required] ReviewOutcome? Vote, [property: StringLength(PanelCommands.MaxReasoningLength)] string? Reasoning);

    private static async Task<Results<Ok<PanelView>, NotFound>> Get(Guid id, ClaimsPrincipal user, PanelQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user, id, cancellationToken) is { } panel ? TypedResults.Ok(panel) : TypedResults.NotFound();

    private static async Task<Results<Ok<DrawAudit>, NotFound>> Audit(Guid id, Guid drawId, ClaimsPrincipal user, PanelQueries queries, CancellationToken cancellationToken) =>
        await queries.AuditAsync(user, id, drawId, cancellationToken) is { } audit ? TypedResults.Ok(audit) : TypedResults.NotFound();

    private static async Task<IResult> Draw(Guid id, DrawBody? body, ClaimsPrincipal user, PanelCommands commands, PanelQueries queries,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.DrawAsync(id, new DrawRequest(body?.Seats, body?.RiskAreas), user, cancellationToken, Key(idempotencyKey)), id, user, queries, text, created: true, cancellationToken);

    private static async Task<IResult> Replace(Guid id, ClaimsPrincipal user, PanelCommands commands, PanelQueries queries,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.ReplaceConflictedAsync(id, user, cancellationToken, Key(idempotencyKey)), id, user, queries, text, created: true, cancellationToken);

    private static async Task<IResult> Opine(Guid id, OpinionsBody body, ClaimsPrincipal user, PanelCommands commands, PanelQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.GiveOpinionsAsync(id, [.. body.Opinions.Select(o => new OpinionInput(o.RiskArea!.Value, o.Rating!.Value, o.Reasoning))], user, cancellationToken),
            id, user, queries, text, created: false, cancellationToken);

    private static async Task<IResult> Vote(Guid id, VoteBody body, ClaimsPrincipal user, PanelCommands commands, PanelQueries queries,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commands.VoteAsync(id, body.Vote!.Value, body.Reasoning, user, cancellationToken, Key(idempotencyKey)), id, user, queries, text, created: false, cancellationToken);

    private static async Task<IResult> AnswerAsync(PanelOutcome outcome, Guid id, ClaimsPrincipal user, PanelQueries queries, IStringLocalizer text, bool created, CancellationToken cancellationToken) =>
        outcome switch
        {
            PanelOutcome.Done when created => TypedResults.Created($"/api/v1/cases/{id}/panel", await queries.GetAsync(user, id, cancellationToken)),
            PanelOutcome.Done => TypedResults.Ok(await queries.GetAsync(user, id, cancellationToken)),
            PanelOutcome.NotFound => TypedResults.NotFound(),
            PanelOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            PanelOutcome.Refused refused => TypedResults.Problem(title: text["Cases.Refused.Title"], detail: refused.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["refusal"] = refused.Code }),
            PanelOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };

    // Keys longer than the column are the client's mistake, not a reason to fail the request.
    private static string? Key(string? idempotencyKey) => idempotencyKey is { Length: > 0 and <= 100 } key ? key : null;
}
