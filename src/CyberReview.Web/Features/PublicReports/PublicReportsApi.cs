using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.PublicReports;

internal static class PublicReportsApi
{
    public static void AddCyberReviewPublicReports(this IServiceCollection services)
    {
        services.AddScoped<ReportIntake>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ReportTriage>();
        services.AddScoped<ReportThrottle>();
    }

    /// <summary>Anyone may report and follow a report: outside the token-only group.</summary>
    public static void MapPublicReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/public-reports").WithTags("Public reports").AllowAnonymous();
        reports.MapPost("/", Submit).WithMetadata(new RequestSizeLimitAttribute(long.MaxValue)).DisableAntiforgery()
            .WithSummary("Anyone reports a concern about a product: multipart/form-data (or a URL-encoded form without a file) with concern, productId (a product with a public result) " +
                "or productText, versionText, contact, and an optional evidence file last. Answers the receipt number to follow it by. " +
                "429 with Retry-After when an address sends too many, 413 over the file limit, 415 for a file of no known kind.");
        reports.MapGet("/receipts/{number}", Receipt).WithSummary("A report's status by its receipt number (received, taken up, closed); nothing else of it. 404 for a number that names no report.");
    }

    public static void MapPublicReportsTriageApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/public-reports").WithTags("Public reports").RequireCapability(Capability.RunReviews);
        reports.MapGet("/", List).WithSummary("The office's list of public reports, newest first; filter by productId or productText, and status; paged. Reads are audited.");
        reports.MapGet("/groups", Groups).WithSummary("Public reports grouped by product (count, untriaged, latest), the most recently reported first; paged.");
        reports.MapGet("/{id:guid}", Get).WithSummary("One report with its contact and file particulars, for the office; the read is audited.");
        reports.MapPost("/{id:guid}/product", AssignProduct).WithSummary("Names the registered product version (or product) the report is about.");
        reports.MapPost("/{id:guid}/case-link", LinkToCase).WithSummary("Links a received report to an existing case; a line on the case's timeline says so.");
        reports.MapPost("/{id:guid}/dismissal", Dismiss).WithSummary("Dismisses a received report, with a reason kept for the office.");
        reports.MapPost("/cases", OpenCase).WithSummary("Opens a market-reaction case on received reports about one registered product, linking them to it. Honours Idempotency-Key.");
    }

    public sealed record ReceiptAnswer(string ReceiptNumber, PublicReportStatus Status, string StatusUrl);

    public sealed record ProductRequest(Guid? VersionId, Guid? ProductId);

    public sealed record CaseLinkRequest([property: Required] Guid CaseId);

    public sealed record DismissalRequest([property: Required, StringLength(TriageRules.MaxReasonLength)] string Reason);

    public sealed record OpenCaseRequest([property: Required, MinLength(1)] IReadOnlyList<Guid> ReportIds, [property: StringLength(300)] string? Title,
        [property: Required, StringLength(TriageRules.MaxReasonLength)] string Justification, IReadOnlyList<Guid>? VersionIds);

    private static async Task<IResult> Submit(HttpContext context, ReportThrottle throttle, ReportIntake intake, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        if (await throttle.RetryAfterAsync(context, cancellationToken) is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: text["PublicReports.TooMany.Title"], detail: text["PublicReports.TooMany", (int)Math.Ceiling(wait.TotalMinutes)], statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (context.Request.ContentLength > intake.FileLimit + Evidence.UploadRequests.MultipartOverhead)
            return TypedResults.Problem(title: text["PublicReports.Refused.Title"], detail: text["PublicReports.FileTooLarge", intake.FileLimit / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
        if (await ReportRequests.ReadAsync(context.Request, cancellationToken) is not { } body)
            return TypedResults.Problem(title: text["PublicReports.Refused.Title"], detail: text["PublicReports.NotAForm"], statusCode: StatusCodes.Status400BadRequest);
        return await intake.SubmitAsync(ReportForm.From(body.Fields), body.FileName, body.File, cancellationToken) switch
        {
            IntakeOutcome.Received received => TypedResults.Created($"/api/v1/public-reports/receipts/{received.ReceiptNumber}",
                new ReceiptAnswer(ReceiptNumber.Display(received.ReceiptNumber), PublicReportStatus.Received, $"/PublicReports/Status?number={ReceiptNumber.Display(received.ReceiptNumber)}")),
            IntakeOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            IntakeOutcome.FileRefused refused => TypedResults.Problem(title: text["PublicReports.Refused.Title"], detail: refused.Message, statusCode: refused.Status),
            _ => throw new InvalidOperationException("Every outcome is answered."),
        };
    }

    private static async Task<Results<Ok<ReportReceipt>, NotFound>> Receipt(string number, ReportQueries queries, CancellationToken cancellationToken) =>
        await queries.ReceiptAsync(number, cancellationToken) is { } receipt ? TypedResults.Ok(receipt) : TypedResults.NotFound();

    private static async Task<Ok<Paged<ReportListItem>>> List(ReportQueries queries, Guid? productId, string? productText, ReportStatus? status, int? page, int? pageSize,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(new ReportFilter(productId, productText, status, page ?? 1, pageSize ?? 25), cancellationToken));

    private static async Task<Ok<Paged<ReportGroup>>> Groups(ReportQueries queries, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GroupsAsync(page ?? 1, pageSize ?? 25, cancellationToken));

    private static async Task<Results<Ok<ReportView>, NotFound>> Get(Guid id, ReportQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<IResult> AssignProduct(Guid id, ProductRequest request, ClaimsPrincipal user, ReportTriage triage, ReportQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await triage.AssignProductAsync(id, request.VersionId, request.ProductId, user, cancellationToken), queries, text, cancellationToken);

    private static async Task<IResult> LinkToCase(Guid id, CaseLinkRequest request, ClaimsPrincipal user, ReportTriage triage, ReportQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await triage.LinkToCaseAsync(id, request.CaseId, user, cancellationToken), queries, text, cancellationToken);

    private static async Task<IResult> Dismiss(Guid id, DismissalRequest request, ClaimsPrincipal user, ReportTriage triage, ReportQueries queries,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await triage.DismissAsync(id, request.Reason, user, cancellationToken), queries, text, cancellationToken);

    private static async Task<IResult> OpenCase(OpenCaseRequest request, ClaimsPrincipal user, ReportTriage triage,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await triage.OpenCaseAsync(new ReportCase(request.ReportIds, request.Title, request.Justification, request.VersionIds ?? []), user, cancellationToken,
            IdempotencyKeys.Usable(idempotencyKey));
        return outcome is TriageOutcome.Done done ? TypedResults.Created($"/api/v1/cases/{done.Id}", new OpenedCase(done.Id)) : Problem(outcome, text);
    }

    public sealed record OpenedCase(Guid CaseId);

    private static async Task<IResult> AnswerAsync(TriageOutcome outcome, ReportQueries queries, IStringLocalizer text, CancellationToken cancellationToken) =>
        outcome is TriageOutcome.Done done ? TypedResults.Ok(await queries.GetAsync(done.Id, cancellationToken)) : Problem(outcome, text);

    internal static IResult Problem(TriageOutcome outcome, IStringLocalizer text) => outcome switch
    {
        TriageOutcome.NotFound => TypedResults.NotFound(),
        TriageOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        TriageOutcome.Refused refused => TypedResults.Problem(title: text["PublicReports.Refused.Title"], detail: refused.Message, statusCode: StatusCodes.Status409Conflict),
        TriageOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("A finished action is not a problem."),
    };
}
