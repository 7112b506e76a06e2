using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using CyberReview.Data.Sboms;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Sboms;
using CyberReview.Web.Features.Evidence;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// SBOMs of product versions, their analysis and summary; proposed supply-chain findings on cases; the office's
/// monitoring alerts and advisory upload. A version is seen by the office, its provider and the members of cases
/// about it; a case's proposals by those who see its evaluation work; everyone else gets 404.
/// </summary>
internal static class SupplyChainApi
{
    public static void AddCyberReviewSupplyChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupplyChainOptions>().Bind(configuration.GetSection(SupplyChainOptions.Section));
        services.AddSingleton<SupplyChainJobs>();
        services.AddSingleton<AdvisoryIndexCache>();
        services.AddHostedService<SupplyChainWorker>();
        services.AddScoped<SbomAnalyst>();
        services.AddScoped<SbomAttachments>();
        services.AddScoped<ProposalCommands>();
        services.AddScoped<MonitoringCommands>();
        services.AddScoped<SupplyChainQueries>();
    }

    public static void MapSupplyChainApi(this RouteGroupBuilder api)
    {
        // No capability on the group: besides the office and the provider, members of cases about the version see it,
        // whatever their role; SupplyChainAccess decides, and answers 404 to everyone else.
        var versions = api.MapGroup("/products/{id:guid}/versions/{versionId:guid}").WithTags("Supply chain");
        versions.MapGet("/supply-chain", Version).WithSummary("The version's SBOMs with their analysis status, and the supply-chain summary of the latest finished analysis: suppliers and declared countries of origin with concentration, ecosystems, dependency depth, vulnerabilities by severity.");
        versions.MapGet("/sboms/{sbomId:guid}", Sbom).WithSummary("One SBOM's analysis status (Queued, Running with n of m components, Done, Failed with the reason); poll it after attaching.");
        versions.MapPost("/sboms", AttachToVersion).WithMetadata(new RequestSizeLimitAttribute(long.MaxValue)).DisableAntiforgery()
            .RequireCapability(Capability.ManageOwnProducts).Answering()
            .WithSummary("The provider attaches an SBOM (CycloneDX JSON or XML, SPDX JSON) to its own product version, as a raw body (?name=) or multipart; analysis runs in the background. Honours Idempotency-Key.");

        var cases = api.MapGroup("/cases/{id:guid}/supply-chain").WithTags("Supply chain").RequireCapability(Capability.TakePartInCases);
        cases.MapGet("/", Case).WithSummary("The SBOMs of the case's versions with their analysis status, and the case's proposals counted by status.");
        cases.MapPost("/sboms", AttachToCase).WithMetadata(new RequestSizeLimitAttribute(long.MaxValue)).DisableAntiforgery().Answering()
            .WithSummary("An evaluator of the case attaches an SBOM to one of its versions (?versionId=, ?name=), raw body or multipart. Honours Idempotency-Key.");
        cases.MapGet("/proposals", Proposals).WithSummary("Proposed supply-chain findings (risk area 2) from the SBOM analyses, filtered by status; paged.");
        cases.MapPost("/proposals/{proposalId:guid}/accept", Accept).Produces<ProposalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("An evaluator accepts a proposal: it becomes a finding of their institution citing the SBOM; answers the proposal with the finding's id.");
        cases.MapPost("/proposals/{proposalId:guid}/dismiss", Dismiss).Produces<ProposalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("An evaluator dismisses a proposal, with a reason.");

        var monitoring = api.MapGroup("/monitoring").WithTags("Monitoring").RequireCapability(Capability.RunReviews);
        monitoring.MapGet("/alerts", Alerts).WithSummary("Monitoring alerts: advisories newly affecting components of products with a published result; unacknowledged first; paged.");
        monitoring.MapPost("/alerts/{alertId:guid}/acknowledge", Acknowledge).Produces<AlertView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The office acknowledges an alert, with a note of what it does about it.");
        monitoring.MapPost("/advisories", ImportAdvisories).DisableAntiforgery().Produces<AdvisoryUpload>().ProducesValidationProblem()
            .WithSummary("The office imports OSV advisories (one record, or a JSON array of records); published versions are re-matched in the background.");
    }

    private static RouteHandlerBuilder Answering(this RouteHandlerBuilder route) =>
        route.Produces<SbomStatus>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).Produces(StatusCodes.Status404NotFound);

    public sealed record DismissRequest([property: Description("Why the proposal is not a finding.")] string? Reason);

    public sealed record AcknowledgeRequest([property: Description("What the office does about the alert.")] string? Note);

    private static async Task<Results<Ok<VersionSupplyChain>, NotFound>> Version(Guid id, Guid versionId, ClaimsPrincipal user, SupplyChainQueries queries, CancellationToken cancellationToken) =>
        await queries.VersionAsync(user, versionId, cancellationToken) is { } found && found.ProductId == id ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<SbomStatus>, NotFound>> Sbom(Guid id, Guid versionId, Guid sbomId, ClaimsPrincipal user, SupplyChainQueries queries, CancellationToken cancellationToken) =>
        await queries.VersionAsync(user, versionId, cancellationToken) is { } version && version.ProductId == id
            && await queries.SbomAsync(user, versionId, sbomId, cancellationToken) is { } sbom
            ? TypedResults.Ok(sbom)
            : TypedResults.NotFound();

    private static async Task<IResult> AttachToVersion(Guid id, Guid versionId, HttpRequest request, ClaimsPrincipal user, SbomAttachments attachments, SupplyChainQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        if (await queries.VersionAsync(user, versionId, cancellationToken) is not { } version || version.ProductId != id)
            return TypedResults.NotFound();
        return await AttachAsync(versionId, null, request, user, attachments, queries, idempotencyKey, text, cancellationToken);
    }

    private static Task<IResult> AttachToCase(Guid id, Guid? versionId, HttpRequest request, ClaimsPrincipal user, SbomAttachments attachments, SupplyChainQueries queries,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        AttachAsync(versionId ?? Guid.Empty, id, request, user, attachments, queries, idempotencyKey, text, cancellationToken);

    private static async Task<IResult> AttachAsync(Guid versionId, Guid? caseId, HttpRequest request, ClaimsPrincipal user, SbomAttachments attachments, SupplyChainQueries queries,
        string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        // Nobody who may not attach learns anything from how the upload is read: refused before a byte is.
        if (await attachments.PermitAsync(versionId, caseId, user, cancellationToken) is { } refusal)
            return Problem(refusal);
        UploadBody? body;
        if (UploadRequests.IsMultipart(request))
        {
            body = await UploadRequests.MultipartAsync(request, cancellationToken);
            if (body is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [text["Evidence.Invalid.NoFile"]] });
        }
        else
        {
            body = new UploadBody(new Dictionary<string, string>(), request.Query["name"], request.ContentType, request.Body);
        }
        if (request.ContentLength > attachments.Limit + UploadRequests.MultipartOverhead)
            return Problem(new SupplyChainOutcome.Refused("TooLarge", text["Evidence.Refused.TooLarge", text["UploadKind.Sbom"].Value, attachments.Limit / (1024 * 1024)], StatusCodes.Status413PayloadTooLarge));
        var outcome = await attachments.AttachAsync(versionId, caseId, body.FileName, body.Content, user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        if (outcome is SupplyChainOutcome.Done done && await queries.SbomAsync(user, versionId, done.Id, cancellationToken) is { } sbom)
        {
            var productId = (await queries.VersionAsync(user, versionId, cancellationToken))?.ProductId;
            return TypedResults.Created($"/api/v1/products/{productId}/versions/{versionId}/sboms/{sbom.Id}", sbom);
        }
        return Problem(outcome);
    }

    private static async Task<Results<Ok<CaseSupplyChain>, NotFound>> Case(Guid id, ClaimsPrincipal user, SupplyChainQueries queries, CancellationToken cancellationToken) =>
        await queries.CaseAsync(user, id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProposalList>, NotFound>> Proposals(Guid id, ProposalStatus? status, int? page, int? pageSize, ClaimsPrincipal user, SupplyChainQueries queries,
        CancellationToken cancellationToken) =>
        await queries.ProposalsAsync(user, id, status, page ?? 1, pageSize ?? 25, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<IResult> Accept(Guid id, Guid proposalId, ClaimsPrincipal user, ProposalCommands commands, SupplyChainQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await commands.AcceptAsync(id, proposalId, user, cancellationToken);
        return outcome is SupplyChainOutcome.Done ? await ProposalAsync(id, proposalId, user, queries, cancellationToken) : Problem(outcome);
    }

    private static async Task<IResult> Dismiss(Guid id, Guid proposalId, DismissRequest? request, ClaimsPrincipal user, ProposalCommands commands, SupplyChainQueries queries,
        CancellationToken cancellationToken)
    {
        var outcome = await commands.DismissAsync(id, proposalId, request?.Reason, user, cancellationToken);
        return outcome is SupplyChainOutcome.Done ? await ProposalAsync(id, proposalId, user, queries, cancellationToken) : Problem(outcome);
    }

    private static async Task<IResult> ProposalAsync(Guid caseId, Guid proposalId, ClaimsPrincipal user, SupplyChainQueries queries, CancellationToken cancellationToken)
    {
        var list = await queries.ProposalsAsync(user, caseId, null, 1, SupplyChainQueries.MaxPageSize, cancellationToken);
        // The proposal is read back through the same rule as the list (a case has few; the page holds it).
        return list?.Items.SingleOrDefault(p => p.Id == proposalId) is { } proposal ? TypedResults.Ok(proposal) : TypedResults.Ok(new { id = proposalId });
    }

    private static async Task<Results<Ok<AlertList>, NotFound>> Alerts(Guid? productId, bool? acknowledged, int? page, int? pageSize, ClaimsPrincipal user, SupplyChainQueries queries,
        CancellationToken cancellationToken) =>
        await queries.AlertsAsync(user, productId, acknowledged, page ?? 1, pageSize ?? 25, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<IResult> Acknowledge(Guid alertId, AcknowledgeRequest? request, ClaimsPrincipal user, MonitoringCommands commands, SupplyChainQueries queries,
        CancellationToken cancellationToken)
    {
        var outcome = await commands.AcknowledgeAsync(alertId, request?.Note, user, cancellationToken);
        if (outcome is not SupplyChainOutcome.Done)
            return Problem(outcome);
        var alerts = await queries.AlertsAsync(user, null, true, 1, SupplyChainQueries.MaxPageSize, cancellationToken);
        return alerts?.Items.SingleOrDefault(a => a.Id == alertId) is { } alert ? TypedResults.Ok(alert) : TypedResults.Ok(new { id = alertId });
    }

    private static async Task<IResult> ImportAdvisories(HttpRequest request, ClaimsPrincipal user, MonitoringCommands commands, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MonitoringCommands.MaxUploadBytes)
            return TypedResults.Problem(title: text["SupplyChain.Advisories.TooLarge", MonitoringCommands.MaxUploadBytes / (1024 * 1024)], statusCode: StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MonitoringCommands.MaxUploadBytes)
                return TypedResults.Problem(title: text["SupplyChain.Advisories.TooLarge", MonitoringCommands.MaxUploadBytes / (1024 * 1024)], statusCode: StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var (upload, refusal) = await commands.ImportAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), user, cancellationToken);
            return upload is not null ? TypedResults.Ok(upload) : Problem(refusal!);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [text["SupplyChain.Advisories.NotOsv"]] });
        }
    }

    private static IResult Problem(SupplyChainOutcome outcome) => outcome switch
    {
        SupplyChainOutcome.NotFound => TypedResults.NotFound(),
        SupplyChainOutcome.Forbidden forbidden => TypedResults.Problem(title: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
        SupplyChainOutcome.Refused refused => TypedResults.Problem(title: refused.Reason, statusCode: refused.Status,
            extensions: new Dictionary<string, object?> { ["refusal"] = refused.Refusal }),
        SupplyChainOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        // Done, but gone again before it could be read back.
        _ => TypedResults.NotFound(),
    };
}
