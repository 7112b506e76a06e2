using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Cases;

internal static class CasesApi
{
    public static void AddCyberReviewCases(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReviewTimeOptions>(configuration.GetSection(ReviewTimeOptions.Section));
        services.AddSingleton<CaseTimekeeping>();
        services.AddSingleton<Calendar.ReviewCalendar>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<CaseQueries>();
    }

    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireCapability(Capability.TakePartInCases);
        cases.MapGet("/", List).WithSummary("The cases you have a part in; filter by state, overdue, or text; paged.");
        cases.MapGet("/{id:guid}", Get).WithSummary("One case with its clock, questions and timeline; 404 unless you have a part in it.");
        cases.MapPost("/", Open).RequireCapability(Capability.RunReviews).WithSummary("The office opens a case on a trigger. Honours Idempotency-Key.");
        cases.MapPost("/applications", Apply).RequireCapability(Capability.ApplyForReview).WithSummary("A provider applies for review of its own versions (a draft). Honours Idempotency-Key.");
        cases.MapPost("/{id:guid}/transitions", Move)
            .RequireStepUp(context => context.Arguments.OfType<TransitionRequest>().Any(r => r.Action is CaseAction.Publish or CaseAction.Reinstate)).WithSummary("Take a workflow action; 409 with the reason when it is not allowed now.");
        cases.MapPost("/{id:guid}/questions", Ask).WithSummary("Ask the provider; the case waits and its clock stops.");
        cases.MapPost("/{id:guid}/questions/{questionId:guid}/answer", Answer).WithSummary("Answer a question; with the last answer the case resumes.");
    }

    public sealed record NewCaseRequest(
        [property: Required, StringLength(300)] string Title,
        [property: Required] Guid ProviderId,
        [property: Required, MinLength(1)] IReadOnlyList<Guid> VersionIds,
        [property: Required] TriggerKind Trigger,
        [property: StringLength(300)] string? RequestingBody,
        [property: StringLength(100)] string? ReferenceNumber,
        [property: StringLength(CaseCommands.MaxTextLength)] string? Justification,
        Guid? SectorDepartmentId,
        bool IsComplex);

    public sealed record ApplicationRequest([property: Required, StringLength(300)] string Title, [property: Required, MinLength(1)] IReadOnlyList<Guid> VersionIds);

    public sealed record TransitionRequest([property: Required] CaseAction Action, [property: StringLength(CaseCommands.MaxTextLength)] string? Reason);

    public sealed record QuestionRequest([property: Required, StringLength(CaseCommands.MaxTextLength)] string Question);

    public sealed record AnswerRequest([property: Required, StringLength(CaseCommands.MaxTextLength)] string Answer);

    private static async Task<Ok<CaseList>> List(ClaimsPrincipal user, CaseQueries queries, CaseState? state, bool? overdue, string? search,
        int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, new CaseListFilter(state, overdue ?? false, search, page ?? 1, pageSize ?? 25), cancellationToken));

    private static async Task<Results<Ok<CaseDetails>, NotFound>> Get(Guid id, ClaimsPrincipal user, CaseQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user, id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<IResult> Open(NewCaseRequest request, ClaimsPrincipal user, CaseCommands commands, CaseQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await CreatedAsync(await commands.OpenAsync(new NewCase(request.Title, request.ProviderId, request.VersionIds, request.Trigger, request.RequestingBody,
            request.ReferenceNumber, request.Justification, request.SectorDepartmentId, request.IsComplex), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey)), user, queries, text, cancellationToken);

    private static async Task<IResult> Apply(ApplicationRequest request, ClaimsPrincipal user, CaseCommands commands, CaseQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await CreatedAsync(await commands.ApplyAsync(request.Title, request.VersionIds, user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey)), user, queries, text, cancellationToken);

    private static async Task<IResult> Move(Guid id, TransitionRequest request, ClaimsPrincipal user, CaseCommands commands, CaseQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerWith(await commands.MoveAsync(id, request.Action, request.Reason, user, cancellationToken), request.Action, id, user, queries, text, cancellationToken);

    private static async Task<IResult> Ask(Guid id, QuestionRequest request, ClaimsPrincipal user, CaseCommands commands, CaseQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerWith(await commands.AskAsync(id, request.Question, user, cancellationToken), CaseAction.RequestInformation, id, user, queries, text, cancellationToken);

    private static async Task<IResult> Answer(Guid id, Guid questionId, AnswerRequest request, ClaimsPrincipal user, CaseCommands commands, CaseQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerWith(await commands.AnswerAsync(id, questionId, request.Answer, user, cancellationToken), CaseAction.ProvideInformation, id, user, queries, text, cancellationToken);

    private static async Task<IResult> CreatedAsync(CaseOutcome outcome, ClaimsPrincipal user, CaseQueries queries, IStringLocalizer text, CancellationToken cancellationToken) =>
        outcome is CaseOutcome.Done done
            ? TypedResults.Created($"/api/v1/cases/{done.CaseId}", await queries.GetAsync(user, done.CaseId, cancellationToken))
            : Problem(outcome, CaseAction.Submit, text);

    private static async Task<IResult> AnswerWith(CaseOutcome outcome, CaseAction action, Guid id, ClaimsPrincipal user, CaseQueries queries, IStringLocalizer text, CancellationToken cancellationToken) =>
        outcome is CaseOutcome.Done ? TypedResults.Ok(await queries.GetAsync(user, id, cancellationToken)) : Problem(outcome, action, text);

    private static IResult Problem(CaseOutcome outcome, CaseAction action, IStringLocalizer text) => outcome switch
    {
        CaseOutcome.NotFound => TypedResults.NotFound(),
        CaseOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        CaseOutcome.Refused refused => TypedResults.Problem(
            title: text["Cases.Refused.Title"], detail: CaseRefusalText.Describe(text, refused.Reason, action), statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["refusal"] = refused.Reason.GetType().Name, ["unmet"] = (refused.Reason as CaseRefusal.NotReady)?.Unmet.Select(p => p.ToString()).ToArray() }),
        CaseOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("A finished command is not a problem."),
    };
}
