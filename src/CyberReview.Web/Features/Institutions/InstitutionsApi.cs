using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

internal static class InstitutionsApi
{
    public static void AddCyberReviewInstitutions(this IServiceCollection services)
    {
        services.AddScoped<Designations>();
        services.AddScoped<CaseInstitutions>();
    }

    // Designating is the office's regulatory act (Art. 7), so it needs RunReviews; the administrator registers the
    // organisation (ManageOrganisations) but does not decide what it may evaluate.
    public static void MapInstitutionsApi(this RouteGroupBuilder api)
    {
        var institutions = api.MapGroup("/institutions").WithTags("Institutions").RequireCapability(Capability.RunReviews);
        institutions.MapGet("/", List).WithSummary("Every institution with the designation that matters today (in force, else next, else last); paged.");
        institutions.MapGet("/{id:guid}", Get).WithSummary("One institution with every designation it has had, newest first.");
        institutions.MapPost("/{id:guid}/designations", Designate).WithSummary("Designate the institution for activity kinds and product kinds over a period. Honours Idempotency-Key.");

        var designations = api.MapGroup("/designations").WithTags("Institutions").RequireCapability(Capability.RunReviews);
        designations.MapGet("/{id:guid}", GetDesignation).WithSummary("One designation.");
        designations.MapPost("/{id:guid}/renewal", Renew).WithSummary("Renew a designation: a new one from the day after it runs out (or today), with the same scope unless another is given. Honours Idempotency-Key.");
        designations.MapPost("/{id:guid}/end", End).WithSummary("End a designation from today, with the reason; it stays in the history.");

        var assignments = api.MapGroup("/cases/{caseId:guid}/institutions").WithTags("Institutions").RequireCapability(Capability.TakePartInCases);
        assignments.MapGet("/", ListAssigned).WithSummary("The institutions assigned to the case, with their activity kinds; 404 unless you have a part in it.");
        assignments.MapGet("/{assignmentId:guid}", GetAssigned).WithSummary("One assignment of the case.");
        assignments.MapPost("/", Assign).WithSummary("The office assigns a designated institution; 409 with the reason when a rule forbids it. Honours Idempotency-Key.");
        assignments.MapDelete("/{institutionId:guid}", Unassign).WithSummary("The office takes an assignment back; the institution's evaluators lose the case. The record stays.");
    }

    public sealed record DesignationRequest(
        [property: Required, MinLength(1)] IReadOnlyList<ActivityKind> Activities,
        [property: Required, MinLength(1)] IReadOnlyList<ProductKind> ProductKinds,
        [property: Required] DateOnly? ValidFrom,
        [property: Required] DateOnly? ValidUntil,
        [property: StringLength(Designations.MaxReferenceLength)] string? Reference);

    public sealed record RenewalRequest(
        [property: Required] DateOnly? ValidUntil,
        IReadOnlyList<ActivityKind>? Activities,
        IReadOnlyList<ProductKind>? ProductKinds,
        [property: StringLength(Designations.MaxReferenceLength)] string? Reference);

    public sealed record EndRequest([property: Required, StringLength(Designations.MaxReasonLength)] string Reason);

    public sealed record AssignmentRequest([property: Required] Guid InstitutionId, [property: Required, MinLength(1)] IReadOnlyList<ActivityKind> Activities);

    private static async Task<Ok<InstitutionList>> List(Designations designations, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await designations.ListAsync(page ?? 1, pageSize ?? 25, cancellationToken));

    private static async Task<Results<Ok<InstitutionDetails>, NotFound>> Get(Guid id, Designations designations, CancellationToken cancellationToken) =>
        await designations.GetAsync(id, cancellationToken) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    private static async Task<Results<Ok<DesignationItem>, NotFound>> GetDesignation(Guid id, Designations designations, CancellationToken cancellationToken) =>
        await designations.FindAsync(id, cancellationToken) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    private static async Task<IResult> Designate(Guid id, DesignationRequest request, ClaimsPrincipal user, Designations designations,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await designations.DesignateAsync(id, new DesignationTermsInput(request.Activities, request.ProductKinds, request.ValidFrom, request.ValidUntil, request.Reference),
            user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is InstitutionOutcome.Done done
            ? TypedResults.Created($"/api/v1/designations/{done.Id}", await designations.FindAsync(done.Id, cancellationToken))
            : Problem(outcome, text);
    }

    private static async Task<IResult> Renew(Guid id, RenewalRequest request, ClaimsPrincipal user, Designations designations,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await designations.RenewAsync(id, new DesignationTermsInput(request.Activities, request.ProductKinds, null, request.ValidUntil, request.Reference),
            user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is InstitutionOutcome.Done done
            ? TypedResults.Created($"/api/v1/designations/{done.Id}", await designations.FindAsync(done.Id, cancellationToken))
            : Problem(outcome, text);
    }

    private static async Task<IResult> End(Guid id, EndRequest request, ClaimsPrincipal user, Designations designations, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await designations.EndAsync(id, request.Reason, user, cancellationToken);
        return outcome is InstitutionOutcome.Done done ? TypedResults.Ok(await designations.FindAsync(done.Id, cancellationToken)) : Problem(outcome, text);
    }

    private static async Task<Results<Ok<CaseInstitutionList>, NotFound>> ListAssigned(Guid caseId, ClaimsPrincipal user, CaseInstitutions institutions, CancellationToken cancellationToken) =>
        await institutions.ListAsync(user, caseId, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<AssignedInstitution>, NotFound>> GetAssigned(Guid caseId, Guid assignmentId, ClaimsPrincipal user, CaseInstitutions institutions, CancellationToken cancellationToken) =>
        await institutions.FindAsync(user, caseId, assignmentId, cancellationToken) is { } assignment ? TypedResults.Ok(assignment) : TypedResults.NotFound();

    private static async Task<IResult> Assign(Guid caseId, AssignmentRequest request, ClaimsPrincipal user, CaseInstitutions institutions,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await institutions.AssignAsync(caseId, request.InstitutionId, request.Activities, user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is InstitutionOutcome.Done done
            ? TypedResults.Created($"/api/v1/cases/{caseId}/institutions/{done.Id}", await institutions.FindAsync(user, caseId, done.Id, cancellationToken))
            : Problem(outcome, text);
    }

    private static async Task<IResult> Unassign(Guid caseId, Guid institutionId, ClaimsPrincipal user, CaseInstitutions institutions, IStringLocalizer<Resources.Text> text,
        CancellationToken cancellationToken, string? reason = null) =>
        await institutions.UnassignAsync(caseId, institutionId, reason, user, cancellationToken) is { } outcome and not InstitutionOutcome.Done
            ? Problem(outcome, text)
            : TypedResults.NoContent();

    /// <summary>Problem details for an outcome that is not done: 404, 400 per field, 409 with the rule's reason.</summary>
    public static IResult Problem(InstitutionOutcome outcome, IStringLocalizer text) => outcome switch
    {
        InstitutionOutcome.NotFound => TypedResults.NotFound(),
        InstitutionOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        InstitutionOutcome.Refused refused => TypedResults.Problem(
            title: text["Institutions.Refused.Title"], detail: refused.Detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["refusal"] = refused.Refusal.GetType().Name, ["particulars"] = refused.Refusal }),
        InstitutionOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("A finished command is not a problem."),
    };
}
