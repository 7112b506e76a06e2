using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>
/// A case's third-party evaluation under /api/v1/cases/{id}: activities, findings, reports. Anyone without a part
/// in the case gets 404 on all of it; a part that may not read or write it gets 403 with the reason; an evaluator
/// whose case is not in evaluation, or whose activity or finding is not in a state that allows the change, gets 409.
/// </summary>
internal static class EvaluationApi
{
    public static void AddCyberReviewEvaluation(this IServiceCollection services)
    {
        services.AddScoped<EvaluationCommands>();
        services.AddScoped<EvaluationQueries>();
    }

    public static void MapEvaluationApi(this RouteGroupBuilder api)
    {
        var evaluation = api.MapGroup("/cases/{id:guid}").WithTags("Evaluation").RequireCapability(Capability.TakePartInCases);
        evaluation.MapGet("/activities", ListActivities).WithSummary("The case's evaluation activities; filter by kind or status; paged. Not for the provider.");
        evaluation.MapPost("/activities", PlanActivity).WithSummary("An evaluator of an assigned institution plans an activity with the fields of its kind. Honours Idempotency-Key.");
        evaluation.MapGet("/activities/{activityId:guid}", GetActivity).WithSummary("One activity with its plan, status and results.");
        evaluation.MapPut("/activities/{activityId:guid}", ReplanActivity).WithSummary("Change the plan of your institution's activity while it is planned or in progress.");
        evaluation.MapPut("/activities/{activityId:guid}/results", RecordResults).WithSummary("Record the results of your institution's activity while it is in progress.");
        evaluation.MapPost("/activities/{activityId:guid}/status", ChangeActivityStatus).WithSummary("Start, complete, cancel or reopen an activity; 409 with the reason when the rules refuse.");
        evaluation.MapGet("/findings", ListFindings).WithSummary("The case's findings; filter by risk area, severity, status or activity; paged. The provider sees them once the case is decided, without activity or evidence.");
        evaluation.MapPost("/findings", RecordFinding).WithSummary("An evaluator records a finding against a criterion of the case's catalogue version in its risk area. Honours Idempotency-Key.");
        evaluation.MapGet("/findings/{findingId:guid}", GetFinding).WithSummary("One finding.");
        evaluation.MapPut("/findings/{findingId:guid}", EditFinding).WithSummary("Correct your institution's finding while it is open.");
        evaluation.MapPost("/findings/{findingId:guid}/status", ChangeFindingStatus).WithSummary("Mitigate, accept, close or reopen a finding; 409 with the reason when the rules refuse.");
        evaluation.MapGet("/reports", ListReports).WithSummary("Every signed report of the case, current and superseded; paged. Not for the provider.");
        evaluation.MapPost("/reports", SubmitReport).RequireStepUp().WithSummary("Sign off your institution's report (confirmed: true); a second one is a correction that supersedes the first. Honours Idempotency-Key.");
        evaluation.MapGet("/reports/{reportId:guid}", GetReport).WithSummary("One report, frozen as signed, with the findings as they stood.");
    }

    public sealed record ActivityPlanRequest(
        [property: Required] ActivityKind? Kind, string? Scope, string? Method, DateOnly? PlannedStart, DateOnly? PlannedEnd,
        string? TestEnvironment, string? LaboratoryLocation, string? SiteAddress, string? Premises, IReadOnlyList<string>? Targets,
        DateOnly? MonitoringFrom, DateOnly? MonitoringUntil, IReadOnlyList<string>? Subjects, IReadOnlyList<string>? Sources)
    {
        public ActivityPlan ToPlan() => new()
        {
            Kind = Kind!.Value,
            Scope = Scope,
            Method = Method,
            PlannedStart = PlannedStart,
            PlannedEnd = PlannedEnd,
            TestEnvironment = TestEnvironment,
            LaboratoryLocation = LaboratoryLocation,
            SiteAddress = SiteAddress,
            Premises = Premises,
            Targets = Targets ?? [],
            MonitoringFrom = MonitoringFrom,
            MonitoringUntil = MonitoringUntil,
            Subjects = Subjects ?? [],
            Sources = Sources ?? [],
        };
    }

    public sealed record ResultsRequest(string? Results);

    public sealed record ActivityStatusRequest([property: Required] ActivityStatus? Status, string? Reason);

    public sealed record EvidenceRequest(string? Label, string? Url, string? Sha256);

    public sealed record FindingRequest(
        Guid? ActivityId, [property: Required] RiskArea? RiskArea, string? CriterionId, [property: Required] Severity? Severity,
        string? Title, string? Description, string? RecommendedCondition, IReadOnlyList<EvidenceRequest>? Evidence)
    {
        public FindingDraft ToDraft() => new(ActivityId, RiskArea, CriterionId, Severity, Title, Description, RecommendedCondition,
            [.. (Evidence ?? []).Select(e => new EvidenceLink(e.Label ?? "", e.Url, e.Sha256))]);
    }

    public sealed record FindingStatusRequest([property: Required] FindingStatus? Status, string? Reason);

    public sealed record ConclusionRequest([property: Required] RiskArea? RiskArea, [property: Required] AreaVerdict? Verdict, string? Reasoning);

    public sealed record ReportRequest(string? Summary, IReadOnlyList<ConclusionRequest>? Conclusions, IReadOnlyList<Guid>? FindingIds, bool Confirmed, string? CorrectionReason)
    {
        public ReportSubmission ToSubmission() => new(Summary,
            [.. (Conclusions ?? []).Where(c => c.RiskArea is not null && c.Verdict is not null).Select(c => new AreaConclusion(c.RiskArea!.Value, c.Verdict!.Value, c.Reasoning ?? ""))],
            FindingIds ?? [], Confirmed, CorrectionReason);
    }

    private static async Task<Results<Ok<Paged<ActivityView>>, NotFound, ProblemHttpResult>> ListActivities(Guid id, ActivityKind? kind, ActivityStatus? status, int? page, int? pageSize,
        ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.ActivitiesAsync(user, id, new ActivityFilter(kind, status, page ?? 1, pageSize ?? 25), cancellationToken), text);

    private static async Task<Results<Ok<ActivityView>, NotFound, ProblemHttpResult>> GetActivity(Guid id, Guid activityId, ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.ActivityAsync(user, id, activityId, cancellationToken), text);

    private static async Task<Results<Created<ActivityView>, NotFound, ProblemHttpResult, ValidationProblem>> PlanActivity(Guid id, ActivityPlanRequest request, ClaimsPrincipal user, EvaluationCommands commands, EvaluationQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await CreatedAsync(await commands.PlanActivityAsync(id, request.ToPlan(), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey)),
            activityId => queries.ActivityAsync(user, id, activityId, cancellationToken), $"/api/v1/cases/{id}/activities", text);

    private static async Task<Results<Ok<ActivityView>, NotFound, ProblemHttpResult, ValidationProblem>> ReplanActivity(Guid id, Guid activityId, ActivityPlanRequest request, ClaimsPrincipal user, EvaluationCommands commands,
        EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await ChangedAsync(await commands.ReplanActivityAsync(id, activityId, request.ToPlan(), user, cancellationToken),
            () => queries.ActivityAsync(user, id, activityId, cancellationToken), text);

    private static async Task<Results<Ok<ActivityView>, NotFound, ProblemHttpResult, ValidationProblem>> RecordResults(Guid id, Guid activityId, ResultsRequest request, ClaimsPrincipal user, EvaluationCommands commands,
        EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await ChangedAsync(await commands.RecordResultsAsync(id, activityId, request.Results, user, cancellationToken),
            () => queries.ActivityAsync(user, id, activityId, cancellationToken), text);

    private static async Task<Results<Ok<ActivityView>, NotFound, ProblemHttpResult, ValidationProblem>> ChangeActivityStatus(Guid id, Guid activityId, ActivityStatusRequest request, ClaimsPrincipal user, EvaluationCommands commands,
        EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await ChangedAsync(await commands.ChangeActivityStatusAsync(id, activityId, request.Status!.Value, request.Reason, user, cancellationToken),
            () => queries.ActivityAsync(user, id, activityId, cancellationToken), text);

    private static async Task<Results<Ok<Paged<FindingView>>, NotFound, ProblemHttpResult>> ListFindings(Guid id, RiskArea? riskArea, Severity? severity, FindingStatus? status, Guid? activityId, int? page, int? pageSize,
        ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.FindingsAsync(user, id, new FindingFilter(riskArea, severity, status, activityId, page ?? 1, pageSize ?? 25), cancellationToken), text);

    private static async Task<Results<Ok<FindingView>, NotFound, ProblemHttpResult>> GetFinding(Guid id, Guid findingId, ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.FindingAsync(user, id, findingId, cancellationToken), text);

    private static async Task<Results<Created<FindingView>, NotFound, ProblemHttpResult, ValidationProblem>> RecordFinding(Guid id, FindingRequest request, ClaimsPrincipal user, EvaluationCommands commands, EvaluationQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await CreatedAsync(await commands.RecordFindingAsync(id, request.ToDraft(), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey)),
            findingId => queries.FindingAsync(user, id, findingId, cancellationToken), $"/api/v1/cases/{id}/findings", text);

    private static async Task<Results<Ok<FindingView>, NotFound, ProblemHttpResult, ValidationProblem>> EditFinding(Guid id, Guid findingId, FindingRequest request, ClaimsPrincipal user, EvaluationCommands commands,
        EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await ChangedAsync(await commands.EditFindingAsync(id, findingId, request.ToDraft(), user, cancellationToken),
            () => queries.FindingAsync(user, id, findingId, cancellationToken), text);

    private static async Task<Results<Ok<FindingView>, NotFound, ProblemHttpResult, ValidationProblem>> ChangeFindingStatus(Guid id, Guid findingId, FindingStatusRequest request, ClaimsPrincipal user, EvaluationCommands commands,
        EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await ChangedAsync(await commands.ChangeFindingStatusAsync(id, findingId, request.Status!.Value, request.Reason, user, cancellationToken),
            () => queries.FindingAsync(user, id, findingId, cancellationToken), text);

    private static async Task<Results<Ok<Paged<ReportListItem>>, NotFound, ProblemHttpResult>> ListReports(Guid id, int? page, int? pageSize, ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.ReportsAsync(user, id, page ?? 1, pageSize ?? 25, cancellationToken), text);

    private static async Task<Results<Ok<ReportView>, NotFound, ProblemHttpResult>> GetReport(Guid id, Guid reportId, ClaimsPrincipal user, EvaluationQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        Answer(await queries.ReportAsync(user, id, reportId, cancellationToken), text);

    private static async Task<Results<Created<ReportView>, NotFound, ProblemHttpResult, ValidationProblem>> SubmitReport(Guid id, ReportRequest request, ClaimsPrincipal user, EvaluationCommands commands, EvaluationQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await CreatedAsync(await commands.SubmitReportAsync(id, request.ToSubmission(), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey)),
            reportId => queries.ReportAsync(user, id, reportId, cancellationToken), $"/api/v1/cases/{id}/reports", text);

    private static Results<Ok<T>, NotFound, ProblemHttpResult> Answer<T>(Reading<T> reading, IStringLocalizer text) => reading switch
    {
        Reading<T>.Found found => TypedResults.Ok(found.Value),
        Reading<T>.NotFound => TypedResults.NotFound(),
        Reading<T>.Forbidden forbidden => Forbidden(forbidden.Refusal, forbidden.Reason, text),
        _ => throw new InvalidOperationException("Unknown reading."),
    };

    private static async Task<Results<Created<T>, NotFound, ProblemHttpResult, ValidationProblem>> CreatedAsync<T>(EvaluationOutcome outcome,
        Func<Guid, Task<Reading<T>>> read, string collection, IStringLocalizer text)
    {
        if (outcome is EvaluationOutcome.Done done)
        {
            return await read(done.Id) switch
            {
                Reading<T>.Found found => TypedResults.Created($"{collection}/{done.Id}", found.Value),
                Reading<T>.Forbidden forbidden => Forbidden(forbidden.Refusal, forbidden.Reason, text),
                _ => TypedResults.NotFound(),
            };
        }
        return outcome switch
        {
            EvaluationOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            EvaluationOutcome.NotFound => TypedResults.NotFound(),
            _ => Problem(outcome, text),
        };
    }

    private static async Task<Results<Ok<T>, NotFound, ProblemHttpResult, ValidationProblem>> ChangedAsync<T>(EvaluationOutcome outcome,
        Func<Task<Reading<T>>> read, IStringLocalizer text)
    {
        if (outcome is EvaluationOutcome.Done)
        {
            return await read() switch
            {
                Reading<T>.Found found => TypedResults.Ok(found.Value),
                Reading<T>.Forbidden forbidden => Forbidden(forbidden.Refusal, forbidden.Reason, text),
                _ => TypedResults.NotFound(),
            };
        }
        return outcome switch
        {
            EvaluationOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            EvaluationOutcome.NotFound => TypedResults.NotFound(),
            _ => Problem(outcome, text),
        };
    }

    // A refusal or a clash, as problem details: 403 for a part that may not, 409 for a rule or a concurrent change.
    private static ProblemHttpResult Problem(EvaluationOutcome outcome, IStringLocalizer text) => outcome switch
    {
        EvaluationOutcome.Forbidden forbidden => Forbidden(forbidden.Refusal, forbidden.Reason, text),
        EvaluationOutcome.Refused refused => TypedResults.Problem(title: text["Cases.Refused.Title"], detail: refused.Reason,
            statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["refusal"] = refused.Refusal }),
        EvaluationOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("Not a refusal."),
    };

    private static ProblemHttpResult Forbidden(string refusal, string reason, IStringLocalizer text) =>
        TypedResults.Problem(title: text["Evaluation.Forbidden.Title"], detail: reason, statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["refusal"] = refusal });
}
