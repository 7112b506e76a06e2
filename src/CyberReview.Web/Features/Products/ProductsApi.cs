using System.ComponentModel;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Products;

internal static class ProductsApi
{
    public static void AddCyberReviewProducts(this IServiceCollection services)
    {
        services.AddScoped<ProductCommands>();
        services.AddScoped<ProductQueries>();
    }

    public static void MapProductsApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Products").RequireCapability(Capability.BrowseProducts);
        products.MapGet("/", List).WithSummary("The products you may see, paged: all for the office, your own for a provider; search by product or provider name.");
        products.MapGet("/{id:guid}", Get).WithSummary("One product with its versions and their components; 404 when it does not exist or is not yours to see.");
        products.MapGet("/{id:guid}/versions/{versionId:guid}", GetVersion).WithSummary("One version with its components, and whether a case past Draft has frozen it.");
        products.MapGet("/{id:guid}/versions/{versionId:guid}/components/{componentId:guid}", GetComponent).WithSummary("One component of a version.");
        products.MapPost("/", Create).RequireCapability(Capability.ManageOwnProducts).Answering<ProductDetails>(StatusCodes.Status201Created)
            .WithSummary("A provider registers a product or service of its own. Honours Idempotency-Key.");
        products.MapPut("/{id:guid}", Update).RequireCapability(Capability.ManageOwnProducts).Answering<ProductDetails>(StatusCodes.Status200OK)
            .WithSummary("A provider changes its product's name, kind or description.");
        products.MapPost("/{id:guid}/versions", AddVersion).RequireCapability(Capability.ManageOwnProducts).Answering<VersionDetails>(StatusCodes.Status201Created)
            .WithSummary("A provider adds a version, optionally starting from the components of another version. Honours Idempotency-Key.");
        products.MapPut("/{id:guid}/versions/{versionId:guid}", UpdateVersion).RequireCapability(Capability.ManageOwnProducts).Answering<VersionDetails>(StatusCodes.Status200OK)
            .WithSummary("A provider changes a version's label or release date; 409 once a case past Draft names the version.");
        products.MapPost("/{id:guid}/versions/{versionId:guid}/components", AddComponent).RequireCapability(Capability.ManageOwnProducts).Answering<ComponentItem>(StatusCodes.Status201Created)
            .WithSummary("A provider adds a component to a version; 409 once a case past Draft names the version. Honours Idempotency-Key.");
        products.MapPut("/{id:guid}/versions/{versionId:guid}/components/{componentId:guid}", UpdateComponent).RequireCapability(Capability.ManageOwnProducts).Answering<ComponentItem>(StatusCodes.Status200OK)
            .WithSummary("A provider changes a component; 409 once a case past Draft names the version.");
        products.MapDelete("/{id:guid}/versions/{versionId:guid}/components/{componentId:guid}", RemoveComponent).RequireCapability(Capability.ManageOwnProducts).Answering(StatusCodes.Status204NoContent)
            .WithSummary("A provider removes a component; 409 once a case past Draft names the version.");
    }

    // What a change answers besides its success: 400 with the problems per field, 404, or 409 with the reason.
    private static RouteHandlerBuilder Answering<T>(this RouteHandlerBuilder route, int status) => route.Produces<T>(status).OrProblems();

    private static RouteHandlerBuilder Answering(this RouteHandlerBuilder route, int status) => route.Produces(status).OrProblems();

    private static RouteHandlerBuilder OrProblems(this RouteHandlerBuilder route) =>
        route.ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).Produces(StatusCodes.Status404NotFound);

    public sealed record ProductRequest(
        string? Name,
        [property: Description("Hardware, Software, CloudService or NetworkService.")] ProductKind? Kind,
        string? Description = null,
        [property: Description("The package URL that identifies the product, without a version (pkg:type/namespace/name); unique; stored in canonical form. Procurement checks can name the product by it.")] string? Purl = null);

    public sealed record NewVersionRequest(
        string? Version,
        DateOnly? ReleasedOn = null,
        [property: Description("Another version of the same product whose components the new one starts with.")] Guid? CopyComponentsFrom = null);

    public sealed record VersionRequest(string? Version, DateOnly? ReleasedOn = null);

    public sealed record ComponentRequest(
        string? Name,
        string? Version,
        string? Supplier,
        [property: Description("ISO 3166-1 alpha-2, such as CN or DE.")] string? CountryOfOrigin,
        [property: Description("A package URL (pkg:type/namespace/name@version) when known; stored in canonical form.")] string? Purl = null,
        [property: Description("Whether this is a key (critical) component.")] bool IsKey = false)
    {
        public ComponentParticulars ToParticulars() => new(Name, Version, Supplier, CountryOfOrigin, Purl, IsKey);
    }

    private static async Task<Ok<ProductList>> List(ClaimsPrincipal user, ProductQueries queries, string? search, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.ListAsync(user, new ProductListFilter(search, page ?? 1, pageSize ?? 25), cancellationToken));

    private static async Task<Results<Ok<ProductDetails>, NotFound>> Get(Guid id, ClaimsPrincipal user, ProductQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user, id, cancellationToken) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    private static async Task<Results<Ok<VersionDetails>, NotFound>> GetVersion(Guid id, Guid versionId, ClaimsPrincipal user, ProductQueries queries, CancellationToken cancellationToken) =>
        await queries.GetVersionAsync(user, versionId, cancellationToken) is { } version && version.ProductId == id ? TypedResults.Ok(version) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComponentItem>, NotFound>> GetComponent(Guid id, Guid versionId, Guid componentId, ClaimsPrincipal user, ProductQueries queries, CancellationToken cancellationToken) =>
        await queries.GetVersionAsync(user, versionId, cancellationToken) is { } version && version.ProductId == id
            && version.Components.SingleOrDefault(c => c.Id == componentId) is { } component
            ? TypedResults.Ok(component)
            : TypedResults.NotFound();

    private static async Task<IResult> Create(ProductRequest request, ClaimsPrincipal user,
        ProductCommands commands, ProductQueries queries, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.CreateAsync(new ProductParticulars(request.Name, request.Kind, request.Description, request.Purl), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is ProductOutcome.Done done && await queries.GetAsync(user, done.Id, cancellationToken) is { } product
            ? TypedResults.Created($"/api/v1/products/{product.Id}", product)
            : Problem(outcome, text);
    }

    private static async Task<IResult> Update(Guid id, ProductRequest request, ClaimsPrincipal user,
        ProductCommands commands, ProductQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.UpdateAsync(id, new ProductParticulars(request.Name, request.Kind, request.Description, request.Purl), user, cancellationToken);
        return outcome is ProductOutcome.Done && await queries.GetAsync(user, id, cancellationToken) is { } product ? TypedResults.Ok(product) : Problem(outcome, text);
    }

    private static async Task<IResult> AddVersion(Guid id, NewVersionRequest request, ClaimsPrincipal user,
        ProductCommands commands, ProductQueries queries, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.AddVersionAsync(id, new VersionParticulars(request.Version, request.ReleasedOn, request.CopyComponentsFrom), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is ProductOutcome.Done done && await queries.GetVersionAsync(user, done.Id, cancellationToken) is { } version
            ? TypedResults.Created($"/api/v1/products/{version.ProductId}/versions/{version.Id}", version)
            : Problem(outcome, text);
    }

    private static async Task<IResult> UpdateVersion(Guid id, Guid versionId, VersionRequest request, ClaimsPrincipal user,
        ProductCommands commands, ProductQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.UpdateVersionAsync(id, versionId, new VersionParticulars(request.Version, request.ReleasedOn), user, cancellationToken);
        return outcome is ProductOutcome.Done && await queries.GetVersionAsync(user, versionId, cancellationToken) is { } version ? TypedResults.Ok(version) : Problem(outcome, text);
    }

    private static async Task<IResult> AddComponent(Guid id, Guid versionId, ComponentRequest request, ClaimsPrincipal user,
        ProductCommands commands, ProductQueries queries, [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.AddComponentAsync(id, versionId, request.ToParticulars(), user, cancellationToken, IdempotencyKeys.Usable(idempotencyKey));
        return outcome is ProductOutcome.Done done && await ComponentAsync(queries, user, done.Id, cancellationToken) is ({ } version, { } component)
            ? TypedResults.Created($"/api/v1/products/{version.ProductId}/versions/{version.Id}/components/{component.Id}", component)
            : Problem(outcome, text);
    }

    private static async Task<IResult> UpdateComponent(Guid id, Guid versionId, Guid componentId, ComponentRequest request,
        ClaimsPrincipal user, ProductCommands commands, ProductQueries queries, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.UpdateComponentAsync(id, versionId, componentId, request.ToParticulars(), user, cancellationToken);
        return outcome is ProductOutcome.Done && await ComponentAsync(queries, user, componentId, cancellationToken) is (_, { } component)
            ? TypedResults.Ok(component)
            : Problem(outcome, text);
    }

    private static async Task<IResult> RemoveComponent(Guid id, Guid versionId, Guid componentId, ClaimsPrincipal user,
        ProductCommands commands, IStringLocalizer<Resources.Text> text, CancellationToken cancellationToken)
    {
        var outcome = await commands.RemoveComponentAsync(id, versionId, componentId, user, cancellationToken);
        return outcome is ProductOutcome.Done ? TypedResults.NoContent() : Problem(outcome, text);
    }

    // A component is read through its version, so that the same visibility rule applies.
    private static async Task<(VersionDetails Version, ComponentItem Component)?> ComponentAsync(ProductQueries queries, ClaimsPrincipal user, Guid componentId, CancellationToken cancellationToken)
    {
        var versionId = await queries.VersionOfComponentAsync(componentId, cancellationToken);
        return versionId is { } id && await queries.GetVersionAsync(user, id, cancellationToken) is { } version && version.Components.SingleOrDefault(c => c.Id == componentId) is { } component
            ? (version, component)
            : null;
    }

    private static IResult Problem(ProductOutcome outcome, IStringLocalizer text) => outcome switch
    {
        ProductOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        ProductOutcome.Frozen frozen => TypedResults.Problem(
            title: text["Products.Frozen.Title"], detail: ProductText.Describe(text, frozen), statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["refusal"] = nameof(CompositionFrozen), ["cases"] = frozen.VisibleCases }),
        ProductOutcome.Conflict => TypedResults.Problem(title: text["Products.Conflict"], statusCode: StatusCodes.Status409Conflict),
        ProductOutcome.NotFound => TypedResults.NotFound(),
        // Done, but gone again before it could be read back.
        ProductOutcome.Done => TypedResults.NotFound(),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
