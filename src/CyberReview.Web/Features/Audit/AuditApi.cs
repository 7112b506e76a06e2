using CyberReview.Data.Audit;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CyberReview.Web.Features.Audit;

internal static class AuditApi
{
    public static void AddCyberReviewAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CaseMaterialGate>();
        services.AddScoped<AuditQueries>();
        services.AddSingleton<AuditCheckpointing>();
        services.AddHostedService<AuditCheckpointWriter>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add<CaseMaterialPages>());
        services.Configure<OpenApiOptions>("v1", openApi => openApi.AddOperationTransformer((operation, context, _) =>
        {
            // Every operation on a case's material takes the break-glass purpose.
            if (context.Description.RelativePath?.StartsWith("api/v1/cases/{", StringComparison.Ordinal) == true)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = CaseMaterialApi.PurposeHeader,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Office staff who are not members of the case state here why they need it (10–500 characters); without it they get 403 " +
                        "purpose-required. The purpose holds for some hours for that case, and every access under it is recorded and flagged for the committee. " +
                        "The `purpose` query parameter does the same.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            return Task.CompletedTask;
        }));
    }

    /// <summary>Gates and records every route under /cases/{caseId}/… of the group (see <see cref="CaseMaterialApi"/>).</summary>
    public static RouteGroupBuilder WithCaseMaterialAudit(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter<CaseMaterialApi>();
        return api;
    }

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/events", List).RequireCapability(Capability.ReadAuditTrail)
            .WithSummary("Audit events newest first, filtered by user (e-mail or id), case (number or id), object, time range, outcome or break glass; paged by the cursor `before` (a sequence number).");
        audit.MapGet("/export", Export).RequireCapability(Capability.ReadAuditTrail)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/jsonl").ProducesValidationProblem()
            .WithSummary("The filtered events oldest first as CSV (`format=csv`) or JSON lines (`format=jsonl`), streamed; the export is itself recorded.");
        audit.MapGet("/public-key", PublicKey)
            .WithSummary("The public key that signs the trail's checkpoints, as a signed-note verifier key (Ed25519); not secret.");
        audit.MapGet("/checkpoints/latest", Latest).RequireCapability(Capability.ReadAuditTrail)
            .WithSummary("The newest signed checkpoint (C2SP tlog checkpoint) of the trail.");
        audit.MapPost("/checkpoints", Checkpoint).RequireCapability(Capability.ReadAuditTrail)
            .WithSummary("Commit every event so far into a signed checkpoint now (nothing new when the last one covers the trail).");
    }

    public sealed record CheckpointView(long Size, string RootHash, DateTimeOffset At, string Note);

    public sealed record PublicKeyView(string VerifierKey, string Origin);

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> List(AuditQueries queries, string? user, string? @case, string? objectKind, Guid? objectId,
        DateOnly? from, DateOnly? to, AuditOutcome? outcome, bool? breakGlass, long? before, int? pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > AuditQueries.MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = [$"pageSize is between 1 and {AuditQueries.MaxPageSize}."] });
        if (from is { } f && to is { } t && t < f)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to is not before from."] });
        return TypedResults.Ok(await queries.PageAsync(new AuditFilter(user, @case, objectKind, objectId, from, to, outcome, breakGlass ?? false), before, pageSize ?? 50, cancellationToken));
    }

    private static async Task<IResult> Export(HttpContext http, AuditQueries queries, AuditTrail trail, string? format, string? user, string? @case, string? objectKind, Guid? objectId,
        DateOnly? from, DateOnly? to, AuditOutcome? outcome, bool? breakGlass, CancellationToken cancellationToken)
    {
        AuditExportFormat? chosen = format switch
        {
            "csv" => AuditExportFormat.Csv,
            "jsonl" => AuditExportFormat.JsonLines,
            _ => null,
        };
        if (chosen is not { } exportFormat)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format is csv or jsonl."] });
        await trail.AppendAsync("audit.export", null, "audit-trail", null, AuditOutcome.Allowed, cancellationToken);
        await queries.WriteAsync(http.Response, new AuditFilter(user, @case, objectKind, objectId, from, to, outcome, breakGlass ?? false), exportFormat, cancellationToken);
        return TypedResults.Empty;
    }

    private static Ok<PublicKeyView> PublicKey(AuditCheckpointing checkpoints) =>
        TypedResults.Ok(new PublicKeyView(checkpoints.PublicKey.ToString(), checkpoints.PublicKey.Name));

    private static Results<Ok<CheckpointView>, NotFound> Latest(AuditCheckpointing checkpoints) =>
        checkpoints.Latest() is var (checkpoint, note) ? TypedResults.Ok(View(checkpoint, note)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CheckpointView>, NotFound>> Checkpoint(AuditCheckpointing checkpoints, CancellationToken cancellationToken)
    {
        await checkpoints.WriteAsync(cancellationToken);
        return checkpoints.Latest() is var (checkpoint, note) ? TypedResults.Ok(View(checkpoint, note)) : TypedResults.NotFound();
    }

    private static CheckpointView View(AuditCheckpoint checkpoint, string note) =>
        new(checkpoint.Size, Convert.ToBase64String(checkpoint.Root.ToArray()), checkpoint.At, note);
}
