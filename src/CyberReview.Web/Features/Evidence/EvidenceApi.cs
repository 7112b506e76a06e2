using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Evidence;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// A case's files under /api/v1/cases/{id}: upload (multipart or a raw body), list, read, download; and the
/// office's retention controls. Anyone without a part in the case, or whose part may not read a file, gets 404.
/// </summary>
internal static class EvidenceApi
{
    public static void AddCyberReviewEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VaultOptions>().Bind(configuration.GetSection(VaultOptions.Section));
        services.AddSingleton<IKeyEncryptionKey>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;
            var database = provider.GetRequiredService<DatabaseOptions>();
            // One machine, one embedded database: a key generated into its data folder serves it. Several instances
            // on PostgreSQL must share one key, so there it must be configured.
            options.GenerateKeyIfMissing ??= database.Provider == DatabaseProvider.Sqlite;
            return KeyEncryptionKeys.Load(options, database.DataDirectory, provider.GetRequiredService<ILoggerFactory>().CreateLogger("CyberReview.Vault"));
        });
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<VaultOptions>>().Value;
            var scanner = options.Clamd is { Length: > 0 } clamd ? new ClamdScanner(clamd, TimeSpan.FromSeconds(options.ClamdTimeoutSeconds)) : null;
            return new EvidenceVault(options, Path.Combine(provider.GetRequiredService<DatabaseOptions>().DataDirectory, "vault"),
                provider.GetRequiredService<IKeyEncryptionKey>(), scanner);
        });
        services.AddScoped<EvidenceCommands>();
        services.AddScoped<EvidenceQueries>();
    }

    /// <summary>Loads the key-encryption key at start, so a missing or malformed key stops the start with its reason rather than the first upload.</summary>
    public static void PrepareEvidenceVault(this WebApplication app) => app.Services.GetRequiredService<EvidenceVault>();

    // Uploads carry no transport limit of their own: the vault refuses what is over its kind's limit, with a message
    // that says so, from the declared length or while counting the stream (see UseBodySizeLimits for everything else).
    public static void MapEvidenceApi(this RouteGroupBuilder api)
    {
        var evidence = api.MapGroup("/cases/{id:guid}").WithTags("Evidence").RequireCapability(Capability.TakePartInCases);
        evidence.MapGet("/attachments", List).WithSummary("The case's files you may read; filter by owner (Case, Activity, Report) and ownerId; newest first; paged.");
        evidence.MapPost("/attachments", Upload).WithMetadata(new RequestSizeLimitAttribute(long.MaxValue)).DisableAntiforgery()
            .WithSummary("Attach a file: multipart/form-data (fields owner, ownerId, kind before the file) or a raw body with ?name=, ?owner=, ?ownerId=, ?kind=. " +
                "The bytes decide the kind (413 over the kind's limit, 415 not an accepted kind, 422 unsafe archive, XML or malware, 503 scanner down). Honours Idempotency-Key.");
        evidence.MapGet("/attachments/{attachmentId:guid}", Get).WithSummary("One file's particulars: name, kinds, size, SHA-256, uploader, scan status.");
        evidence.MapGet("/attachments/{attachmentId:guid}/content", Download)
            .WithSummary("The file, decrypted as it streams, always as a download. 409 while held back by the scanner, 410 once destroyed, 500 when the stored file fails its integrity check.");
        evidence.MapGet("/retention", Retention).WithSummary("The office's view of the case's retention: closing, period, legal hold, destruction.");
        evidence.MapPut("/retention/legal-hold", LegalHold).WithSummary("The office sets (hold: true) or clears a legal hold, with a reason.");
        evidence.MapPost("/retention/destruction", Destroy).RequireStepUp()
            .WithSummary("The office destroys the case's evidence (crypto-shredding: data keys and blobs go, the records stay); 409 under legal hold or before the period ends.");
    }

    public sealed record LegalHoldRequest(bool Hold, string? Reason);

    public sealed record DestructionRequest(string? Reason);

    private static async Task<Results<Ok<Paged<AttachmentView>>, NotFound>> List(Guid id, AttachmentOwner? owner, Guid? ownerId, int? page, int? pageSize,
        ClaimsPrincipal user, EvidenceQueries queries, CancellationToken cancellationToken) =>
        await queries.ListAsync(user, id, owner, ownerId, page ?? 1, pageSize ?? 25, cancellationToken) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    private static async Task<Results<Ok<AttachmentView>, NotFound>> Get(Guid id, Guid attachmentId, ClaimsPrincipal user, EvidenceQueries queries, CancellationToken cancellationToken) =>
        await queries.OneAsync(user, id, attachmentId, cancellationToken) is { } attachment ? TypedResults.Ok(attachment) : TypedResults.NotFound();

    private static async Task<IResult> Download(Guid id, Guid attachmentId, ClaimsPrincipal user, EvidenceQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await queries.OpenAsync(user, id, attachmentId, cancellationToken) switch
        {
            FileReading.Opened opened => new EvidenceDownload(opened.File),
            FileReading.Unavailable unavailable => TypedResults.Problem(title: text["Evidence.Unavailable.Title"], detail: unavailable.Reason, statusCode: unavailable.Status),
            FileReading.IntegrityFailure failure => TypedResults.Problem(title: text["Evidence.IntegrityFailure.Title"], detail: failure.Reason, statusCode: StatusCodes.Status500InternalServerError),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Created<AttachmentView>, NotFound, ProblemHttpResult, ValidationProblem>> Upload(Guid id, HttpRequest request,
        ClaimsPrincipal user, EvidenceCommands commands, EvidenceQueries queries, EvidenceVault vault,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        // Nobody outside the case learns anything about it from how their upload is read: 404 before a byte is.
        if (!await commands.IsPartyAsync(id, user, cancellationToken))
            return TypedResults.NotFound();
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
        string? Field(string name) => body.Fields.TryGetValue(name, out var value) ? value : request.Query[name];
        var errors = new Dictionary<string, string[]>();
        var owner = AttachmentOwner.Case;
        var kind = UploadKind.Evidence;
        Guid? ownerId = null;
        if (Field("owner") is { Length: > 0 } ownerText && !UploadRequests.TryEnum(ownerText, out owner))
            errors["owner"] = [text["Validation.UnknownValue", "owner"]];
        if (Field("kind") is { Length: > 0 } kindText && !UploadRequests.TryEnum(kindText, out kind))
            errors["kind"] = [text["Validation.UnknownValue", "kind"]];
        if (Field("ownerId") is { Length: > 0 } ownerIdText)
        {
            if (Guid.TryParse(ownerIdText, out var parsed))
                ownerId = parsed;
            else
                errors["ownerId"] = [text["Validation.UnknownValue", "ownerId"]];
        }
        else if (owner != AttachmentOwner.Case)
        {
            errors["ownerId"] = [text["Evidence.Invalid.OwnerId"]];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        // A declared length over the limit is refused before a byte is read; a body without one is counted as it streams.
        if (request.ContentLength > vault.Options.LimitFor(kind) + UploadRequests.MultipartOverhead)
            return Problem(new EvidenceOutcome.TooLarge(text["Evidence.Refused.TooLarge", text[$"UploadKind.{kind}"].Value, vault.Options.LimitFor(kind) / (1024 * 1024)]), text);
        var outcome = await commands.UploadAsync(id, new AttachmentTarget(owner, ownerId, kind), body.FileName, body.DeclaredContentType, body.Content,
            user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome switch
        {
            EvidenceOutcome.Done done => await queries.OneAsync(user, id, done.Id, cancellationToken) is { } created
                ? TypedResults.Created($"/api/v1/cases/{id}/attachments/{done.Id}", created)
                : TypedResults.NotFound(),
            EvidenceOutcome.NotFound => TypedResults.NotFound(),
            EvidenceOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => Problem(outcome, text),
        };
    }

    private static async Task<Results<Ok<RetentionView>, NotFound>> Retention(Guid id, ClaimsPrincipal user, EvidenceQueries queries, CancellationToken cancellationToken) =>
        await queries.RetentionAsync(user, id, cancellationToken) is { } retention ? TypedResults.Ok(retention) : TypedResults.NotFound();

    private static async Task<Results<Ok<RetentionView>, NotFound, ProblemHttpResult, ValidationProblem>> LegalHold(Guid id, LegalHoldRequest request, ClaimsPrincipal user,
        EvidenceCommands commands, EvidenceQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await RetentionAfterAsync(await commands.SetLegalHoldAsync(id, request.Hold, request.Reason, user, cancellationToken), id, user, queries, text, cancellationToken);

    private static async Task<Results<Ok<RetentionView>, NotFound, ProblemHttpResult, ValidationProblem>> Destroy(Guid id, DestructionRequest? request, ClaimsPrincipal user,
        EvidenceCommands commands, EvidenceQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken) =>
        await RetentionAfterAsync(await commands.DestroyAsync(id, request?.Reason, user, cancellationToken), id, user, queries, text, cancellationToken);

    private static async Task<Results<Ok<RetentionView>, NotFound, ProblemHttpResult, ValidationProblem>> RetentionAfterAsync(EvidenceOutcome outcome, Guid id, ClaimsPrincipal user,
        EvidenceQueries queries, IStringLocalizer text, CancellationToken cancellationToken) => outcome switch
        {
            EvidenceOutcome.Done => await queries.RetentionAsync(user, id, cancellationToken) is { } retention ? TypedResults.Ok(retention) : TypedResults.NotFound(),
            EvidenceOutcome.NotFound => TypedResults.NotFound(),
            EvidenceOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => Problem(outcome, text),
        };

    /// <summary>A refusal as problem details, with the status that says what kind of refusal it is.</summary>
    public static ProblemHttpResult Problem(EvidenceOutcome outcome, IStringLocalizer text) => outcome switch
    {
        EvidenceOutcome.Conflict => TypedResults.Problem(title: text["Cases.Conflict"], statusCode: Status(outcome)),
        EvidenceOutcome.Refused refused => TypedResults.Problem(title: text["Evidence.Refused.Title"], detail: refused.Reason, statusCode: Status(outcome),
            extensions: new Dictionary<string, object?> { ["refusal"] = refused.Refusal }),
        _ => TypedResults.Problem(title: text["Evidence.Refused.Title"], detail: Reason(outcome), statusCode: Status(outcome)),
    };

    /// <summary>The HTTP status of an outcome that is not done.</summary>
    public static int Status(EvidenceOutcome outcome) => outcome switch
    {
        EvidenceOutcome.NotFound => StatusCodes.Status404NotFound,
        EvidenceOutcome.Invalid => StatusCodes.Status400BadRequest,
        EvidenceOutcome.Forbidden => StatusCodes.Status403Forbidden,
        EvidenceOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
        EvidenceOutcome.NotAccepted => StatusCodes.Status415UnsupportedMediaType,
        EvidenceOutcome.Unsafe => StatusCodes.Status422UnprocessableEntity,
        EvidenceOutcome.ScannerUnavailable => StatusCodes.Status503ServiceUnavailable,
        EvidenceOutcome.Refused or EvidenceOutcome.Conflict => StatusCodes.Status409Conflict,
        _ => throw new InvalidOperationException("Not a refusal."),
    };

    /// <summary>Why a refusal refused, for the page or the problem's detail.</summary>
    public static string? Reason(EvidenceOutcome outcome) => outcome switch
    {
        EvidenceOutcome.Forbidden forbidden => forbidden.Reason,
        EvidenceOutcome.TooLarge tooLarge => tooLarge.Reason,
        EvidenceOutcome.NotAccepted notAccepted => notAccepted.Reason,
        EvidenceOutcome.Unsafe unsafeFile => unsafeFile.Reason,
        EvidenceOutcome.ScannerUnavailable down => down.Reason,
        EvidenceOutcome.Refused refused => refused.Reason,
        _ => null,
    };
}
