using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CyberReview.Web.Features.Registry;

internal static class RegistryApi
{
    public static void AddCyberReviewRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RegistryQueries>();
        services.Configure<RegistryExpiryOptions>(configuration.GetSection("Registry:Expiry"));
        services.AddHostedService<RegistryExpiry>();
    }

    /// <summary>
    /// The registry is public, so its endpoints sit outside the token-only /api/v1 group: without a token they answer
    /// what anyone may see; with a personal access token, what its owner may see; a bad token is refused (401), never
    /// quietly read as anonymous. A browser session cookie counts for nothing here, as everywhere in the API.
    /// Answers carry a strong ETag of their content and honour If-None-Match; anonymous answers may be cached by anyone
    /// for a minute, a token holder's only privately.
    /// </summary>
    public static void MapRegistryApi(this WebApplication app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry").AllowAnonymous();
        registry.MapGet("/", List).WithSummary("Published results (product, provider, versions, outcome, decision date, validity, status) that you may see: " +
            "public ones without a token; with one, also those circulated to you. Filter by text, provider, product, product kind, outcome, status, sector and decision dates; paged.")
            .Produces<RegistryPage>().ProducesProblem(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status304NotModified);
        registry.MapGet("/{id:guid}", Detail).WithSummary("One published result with every change it went through (publication, suspension, reinstatement, revocation, expiry, supersession); 404 when you may not see it.")
            .Produces<RegistryDetail>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status304NotModified);
        registry.MapGet("/changes", Changes).WithSummary("The change feed: every change to a result you may see, in order, after the cursor `after` (0 or absent: from the start). " +
            "Resume with `next`; it passes over changes you may not see. A cursor that is not a number, negative, or beyond the newest change is refused (400).")
            .Produces<RegistryFeed>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status304NotModified);
        registry.MapGet("/export", Export).WithSummary("Every result you may see (with the list's filters), streamed as JSON lines (`format=jsonl`, the default) or CSV (`format=csv`).")
            .Produces<RegistryItem>(StatusCodes.Status200OK, "application/jsonl", "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<IResult> List(HttpContext http, RegistryQueries queries, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        string? search, string? provider, string? product, ProductKind? kind, ReviewOutcome? outcome, CaseState? status, Guid? sector,
        DateOnly? decidedFrom, DateOnly? decidedTo, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (reader, refusal) = await ReaderAsync(http);
        if (reader is null)
            return refusal!;
        var filter = new RegistryFilter(search, outcome, page ?? 1, pageSize ?? 25)
        {
            Provider = provider, Product = product, Kind = kind, Status = status, Sector = sector, DecidedFrom = decidedFrom, DecidedTo = decidedTo,
        };
        return Conditional(http, reader, await queries.ListAsync(reader, filter, cancellationToken), json.Value.SerializerOptions);
    }

    private static async Task<IResult> Detail(HttpContext http, RegistryQueries queries, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, Guid id, CancellationToken cancellationToken)
    {
        var (reader, refusal) = await ReaderAsync(http);
        if (reader is null)
            return refusal!;
        return await queries.DetailAsync(reader, id, cancellationToken) is { } detail
            ? Conditional(http, reader, detail, json.Value.SerializerOptions)
            : TypedResults.Problem(title: "Not found", detail: "There is no result with this id that you may see.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Changes(HttpContext http, RegistryQueries queries, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        string? after, int? limit, CancellationToken cancellationToken)
    {
        var (reader, refusal) = await ReaderAsync(http);
        if (reader is null)
            return refusal!;
        var cursor = 0L;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out cursor)))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = ["The cursor is not one this feed gave: use 0 or a `next` value."] });
        var size = limit ?? 100;
        if (size is < 1 or > RegistryQueries.MaxFeedLimit)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"The limit must be between 1 and {RegistryQueries.MaxFeedLimit}."] });
        var feed = await queries.FeedAsync(reader, cursor, size, cancellationToken);
        if (cursor > feed.Head)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["after"] = [$"The cursor is beyond the newest change ({feed.Head}); it did not come from this feed."] });
        return Conditional(http, reader, feed, json.Value.SerializerOptions);
    }

    private static async Task<IResult> Export(HttpContext http, RegistryQueries queries, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        string? format, string? search, string? provider, string? product, ProductKind? kind, ReviewOutcome? outcome, CaseState? status, Guid? sector,
        DateOnly? decidedFrom, DateOnly? decidedTo)
    {
        var (reader, refusal) = await ReaderAsync(http);
        if (reader is null)
            return refusal!;
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "jsonl", StringComparison.OrdinalIgnoreCase))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["The format is jsonl or csv."] });
        var filter = new RegistryFilter(search, outcome)
        {
            Provider = provider, Product = product, Kind = kind, Status = status, Sector = sector, DecidedFrom = decidedFrom, DecidedTo = decidedTo,
        };
        http.Response.Headers.CacheControl = RegistryQueries.IsAnonymous(reader) ? "public, max-age=60" : "private";
        http.Response.Headers.Vary = HeaderNames.Authorization;
        var items = queries.ExportAsync(reader, filter, http.RequestAborted);
        return csv
            ? TypedResults.Stream(stream => RegistryExport.CsvAsync(items, stream, http.RequestAborted), "text/csv; charset=utf-8", "registry.csv")
            : TypedResults.Stream(stream => RegistryExport.JsonLinesAsync(items, stream, json.Value.SerializerOptions, http.RequestAborted), "application/jsonl; charset=utf-8", "registry.jsonl");
    }

    // The reader: anonymous without a token, the token's owner with a good one, refused with a bad one.
    internal static async Task<(ClaimsPrincipal? Reader, IResult? Refusal)> ReaderAsync(HttpContext http)
    {
        var token = await http.AuthenticateAsync(PersonalAccessTokenHandler.SchemeName);
        if (token.Failure is not null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, TypedResults.Problem(title: "Authentication required", detail: token.Failure.Message, statusCode: StatusCodes.Status401Unauthorized));
        }
        return (token.Succeeded ? token.Principal : new ClaimsPrincipal(new ClaimsIdentity()), null);
    }

    // A strong ETag of the exact bytes answered: equal content, equal tag, whoever asks (the Vary header keeps caches apart).
    internal static IResult Conditional<T>(HttpContext http, ClaimsPrincipal reader, T value, JsonSerializerOptions options)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return Conditional(http, reader, new Procurement.PublicAnswer(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\""));
    }

    /// <summary>An answer already serialized with its tag (the procurement check's public answers keep them made).</summary>
    internal static IResult Conditional(HttpContext http, ClaimsPrincipal reader, Procurement.PublicAnswer answer)
    {
        var (body, tag) = (answer.Body, answer.Tag);
        http.Response.Headers.ETag = tag;
        http.Response.Headers.CacheControl = RegistryQueries.IsAnonymous(reader) ? "public, max-age=60" : "private";
        http.Response.Headers.Vary = HeaderNames.Authorization;
        var asked = http.Request.GetTypedHeaders().IfNoneMatch;
        if (asked.Any(t => t.Tag == "*" || (!t.IsWeak && t.Tag == tag)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}
