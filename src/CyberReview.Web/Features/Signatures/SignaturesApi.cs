using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Data.Signatures;
using CyberReview.Reviews.Signatures;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Signatures;

/// <summary>
/// The published signing keys (public, no token), and signed reports and decisions as envelopes to check offline with
/// <c>cyberreview verify</c>: only for those who may see the report or decision; everyone else gets 404.
/// </summary>
internal static class SignaturesApi
{
    public static void AddCyberReviewSignatures(this IServiceCollection services)
    {
    }

    public static void MapKeysApi(this WebApplication app)
    {
        app.MapGet("/api/v1/keys", Keys).WithTags("Signatures").AllowAnonymous()
            .WithSummary("Every organisation's signing keys, in use and retired: key id (SHA-256 of the SubjectPublicKeyInfo), organisation, dates, " +
                "algorithm (ES256) and the public key (SubjectPublicKeyInfo, base64). Save it to verify signed documents offline.");
    }

    public static void MapSignaturesApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Signatures").RequireCapability(Capability.TakePartInCases);
        cases.MapGet("/reports/{reportId:guid}/signed", SignedReport)
            .WithSummary("The signed report as an envelope {payload (canonical JSON, base64), signature (IEEE P1363, base64), keyId, algorithm}, recomputed from the stored report.");
        api.MapPost("/keys/rotate", Rotate).WithTags("Signatures").RequireCapability(Capability.ManageOrganisations)
            .WithSummary("Retire the signing key of the office or an institution and create its next one; the retired key stays published, so what it signed still verifies.");
        cases.MapGet("/decisions/{decisionId:guid}/signed", SignedDecision)
            .WithSummary("The signed decision as an envelope {payload (canonical JSON, base64), signature (IEEE P1363, base64), keyId, algorithm}, recomputed from the stored decision.");
    }

    public sealed record RotateRequest([property: Required] Guid? OrganisationId);

    private static async Task<Results<Created<KeyListing>, ValidationProblem>> Rotate(RotateRequest request, SigningKeys keys, Data.ReviewDbContext db,
        IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        // Only the office and the institutions sign anything.
        var organisation = await db.Organisations.Where(o => o.Id == request.OrganisationId && (o.Kind == OrganisationKind.ReviewOffice || o.Kind == OrganisationKind.Institution))
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["OrganisationId"] = [text["Signatures.NotASigner"]] });
        var key = await keys.RotateAsync(organisation.Id, cancellationToken);
        return TypedResults.Created("/api/v1/keys", new KeyListing(key.KeyId, organisation.Id, organisation.Name, SignatureScheme.Algorithm, key.CreatedAt, key.RetiredAt,
            Convert.ToBase64String(key.SubjectPublicKeyInfo)));
    }

    private static async Task<Ok<KeyList>> Keys(SigningKeys keys, CancellationToken cancellationToken) => TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<Ok<SignedEnvelope>, NotFound>> SignedReport(Guid id, Guid reportId, ClaimsPrincipal user, EvaluationQueries queries, SignedRecords records, CancellationToken cancellationToken)
    {
        // Whoever may not read the report (outside the case, or a part that does not see evaluation work) learns nothing of it here.
        if (await queries.ReportAsync(user, id, reportId, cancellationToken) is not Reading<ReportView>.Found)
            return TypedResults.NotFound();
        return await records.ReportEnvelopeAsync(reportId, cancellationToken) is { } envelope ? TypedResults.Ok(envelope) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<SignedEnvelope>, NotFound>> SignedDecision(Guid id, Guid decisionId, ClaimsPrincipal user, Data.ReviewDbContext db, SignedRecords records, CancellationToken cancellationToken)
    {
        if ((await CaseAccess.PartsAsync(db, user, id, cancellationToken)).Count == 0 || !await db.Decisions.AnyAsync(d => d.Id == decisionId && d.CaseId == id, cancellationToken))
            return TypedResults.NotFound();
        return await records.DecisionEnvelopeAsync(decisionId, cancellationToken) is { } envelope ? TypedResults.Ok(envelope) : TypedResults.NotFound();
    }
}
