using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Commitments;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Commitments;

internal static class CommitmentsApi
{
    public static void AddCyberReviewCommitments(this IServiceCollection services) => services.AddScoped<CommitmentCommands>();

    public static void MapCommitmentsApi(this RouteGroupBuilder api)
    {
        var commitments = api.MapGroup("/cases/{caseId:guid}/commitments").WithTags("Commitments").RequireCapability(Capability.TakePartInCases);
        commitments.MapGet("/", List).WithSummary("The commitments the case asks of the provider, signed or not.");
        commitments.MapPost("/", Request).WithSummary("The office asks for commitments: standard kinds in their fixed wording, or Other with its own text.");
        commitments.MapPost("/{commitmentId:guid}/signature", Sign).WithSummary("The provider signs a commitment under its exact text (a SHA-256 of the text is kept).");
    }

    public sealed record CommitmentRequest([property: Required, MinLength(1)] IReadOnlyList<CommitmentKind> Kinds, [property: StringLength(CommitmentCommands.MaxTextLength)] string? OtherText);

    public sealed record SignatureRequest(bool Confirmed);

    private static async Task<Results<Ok<IReadOnlyList<CommitmentItem>>, NotFound>> List(Guid caseId, ClaimsPrincipal user, CommitmentCommands commitments, CancellationToken cancellationToken) =>
        await commitments.ListAsync(caseId, user, cancellationToken) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<IResult> Request(Guid caseId, CommitmentRequest request, ClaimsPrincipal user, CommitmentCommands commitments,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commitments.RequestAsync(caseId, request.Kinds, request.OtherText, user, cancellationToken), caseId, user, commitments, text, cancellationToken);

    private static async Task<IResult> Sign(Guid caseId, Guid commitmentId, SignatureRequest request, ClaimsPrincipal user, CommitmentCommands commitments,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await AnswerAsync(await commitments.SignAsync(caseId, commitmentId, request.Confirmed, user, cancellationToken), caseId, user, commitments, text, cancellationToken);

    private static async Task<IResult> AnswerAsync(CaseOutcome outcome, Guid caseId, ClaimsPrincipal user, CommitmentCommands commitments, IStringLocalizer text, CancellationToken cancellationToken) => outcome switch
    {
        CaseOutcome.Done => TypedResults.Ok(await commitments.ListAsync(caseId, user, cancellationToken)),
        CaseOutcome.NotFound => TypedResults.NotFound(),
        CaseOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        CaseOutcome.Refused refused => TypedResults.Problem(title: text["Cases.Refused.Title"], detail: CaseRefusalText.Describe(text, refused.Reason, CaseAction.ProvideInformation), statusCode: StatusCodes.Status409Conflict),
        CaseOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: StatusCodes.Status409Conflict),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
