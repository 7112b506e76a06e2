using System.ComponentModel;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Procurement;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Procurement;

internal static class ProcurementApi
{
    public static void AddCyberReviewProcurement(this IServiceCollection services)
    {
        services.AddScoped<ProcurementCheck>();
        services.AddSingleton<PublicAnswers>();
        services.AddHostedService<PublicAnswerRefresh>();
        services.AddScoped<Purchases>();
    }

    /// <summary>
    /// The procurement check is public, like the registry it reads, so it sits outside the token-only /api/v1 group and
    /// reads its caller the registry's way (no token: the public; a good token: its owner; a bad one: 401). Answers carry
    /// a strong ETag and honour If-None-Match; anonymous answers are cacheable by anyone for a minute.
    /// </summary>
    public static void MapProcurementCheckApi(this WebApplication app)
    {
        app.MapGet("/api/v1/procurement/check", Check).WithTags("Procurement").AllowAnonymous()
            .WithSummary("Check a product version before buying it (Art. 10): name the product by `productId`, by `purl` (pkg:type/namespace/name, " +
                "optionally @version), or by `provider` and `product` names, and give the `version`. Answers Passed, PassedWithConditions (with the conditions), " +
                "Failed (must not be procured), UnderReview, NotReviewed, Suspended, Revoked or Expired, with the registry entry it rests on and its log proof. " +
                "A result covers only the versions its decision names. Without a token, only public results count; a result you may not see answers NotReviewed.")
            .Produces<CheckAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status304NotModified);
    }

    /// <summary>Purchases (procurers) and their oversight (the office), inside the token-only group.</summary>
    public static void MapProcurementApi(this RouteGroupBuilder api)
    {
        var procurement = api.MapGroup("/procurement").WithTags("Procurement");
        procurement.MapPost("/purchases", Record).RequireCapability(Capability.FileProcurementDeclarations)
            .WithSummary("A procurer records a purchase of a product version (named as for a check), with the sector it falls under and their reference. " +
                "The check is run as the purchase is recorded; its verdict and registry entry are kept with the purchase. Honours Idempotency-Key.")
            .Produces<PurchaseItem>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        procurement.MapGet("/purchases", Mine).RequireCapability(Capability.FileProcurementDeclarations)
            .WithSummary("Your own recorded purchases, newest first, paged.").Produces<PurchasePage>();
        procurement.MapGet("/purchases/{id:guid}", One).RequireCapability(Capability.FileProcurementDeclarations)
            .WithSummary("One of your recorded purchases; 404 when it is not yours.").Produces<PurchaseItem>().ProducesProblem(StatusCodes.Status404NotFound);
        procurement.MapGet("/oversight", Oversight).RequireCapability(Capability.RunReviews)
            .WithSummary("For the office: purchases recorded against anything but a pass in force (Failed, NotReviewed, UnderReview, Suspended, Revoked, Expired), " +
                "newest first, paged; filter by `sector` (the sector department's id) and `verdict`.")
            .Produces<PurchasePage>().ProducesValidationProblem();
    }

    public sealed record PurchaseRequest(
        [property: Description("The product's id; or give `purl`; or `provider` and `product`.")] Guid? ProductId,
        [property: Description("The product's package URL, optionally with the version.")] string? Purl,
        [property: Description("The provider's name, with `product`.")] string? Provider,
        [property: Description("The product's name, with `provider`.")] string? Product,
        string? Version,
        [property: Description("The sector department the purchase falls under.")] Guid? SectorDepartmentId = null,
        [property: Description("Your contract or tender reference.")] string? Reference = null);

    // The public is answered from memory (PublicAnswers) when a snapshot is in place; signed-in callers, who may see more, from the database.
    private static async Task<IResult> Check(HttpContext http, ProcurementCheck check, PublicAnswers answers, Cases.CaseTimekeeping time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IStringLocalizer<Resources.Text> text, Guid? productId, string? purl, string? provider, string? product, string? version,
        CancellationToken cancellationToken)
    {
        var (reader, refusal) = await RegistryApi.ReaderAsync(http);
        if (reader is null)
            return refusal!;
        var (lookup, invalid) = ProcurementCheck.Read(new CheckQuestion(productId, purl, provider, product, version), text);
        if (lookup is null)
            return Problem(invalid!);
        if (RegistryQueries.IsAnonymous(reader))
        {
            var (ready, refused, known) = await answers.AnswerAsync(lookup, time.Today, cancellationToken);
            if (known)
                return ready is not null ? RegistryApi.Conditional(http, reader, ready) : Problem(refused!);
        }
        var (answer, unanswered) = await check.CheckAsync(reader, lookup, cancellationToken);
        return answer is not null ? RegistryApi.Conditional(http, reader, answer, json.Value.SerializerOptions) : Problem(unanswered!);
    }

    private static async Task<IResult> Record(PurchaseRequest request, ClaimsPrincipal user, Purchases purchases,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var outcome = await purchases.RecordAsync(user, new NewPurchase(new CheckQuestion(request.ProductId, request.Purl, request.Provider, request.Product, request.Version),
            request.SectorDepartmentId, request.Reference), cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome switch
        {
            PurchaseOutcome.Done done when await purchases.OneOfMineAsync(user, done.Id, cancellationToken) is { } item => TypedResults.Created($"/api/v1/procurement/purchases/{item.Id}", item),
            PurchaseOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => Problem(new CheckRefusal.UnknownProduct()),
        };
    }

    private static async Task<IResult> Mine(ClaimsPrincipal user, Purchases purchases, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await purchases.MineAsync(user, page ?? 1, pageSize ?? 25, cancellationToken));

    private static async Task<IResult> One(Guid id, ClaimsPrincipal user, Purchases purchases, CancellationToken cancellationToken) =>
        await purchases.OneOfMineAsync(user, id, cancellationToken) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.Problem(title: "Not found", detail: "There is no purchase of yours with this id.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> Oversight(Purchases purchases, Guid? sector, ProcurementVerdict? verdict, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (verdict is { } asked && ProcurementRule.MayProcure(asked))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["verdict"] = ["The office oversees purchases made against anything but a pass in force; choose another verdict."] });
        return TypedResults.Ok(await purchases.OverseenAsync(sector, verdict, page ?? 1, pageSize ?? 25, cancellationToken));
    }

    private static IResult Problem(CheckRefusal refusal) => refusal switch
    {
        CheckRefusal.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        _ => TypedResults.Problem(title: "Not found", detail: "No product answers to this id, package URL, or provider and product name.", statusCode: StatusCodes.Status404NotFound),
    };
}
