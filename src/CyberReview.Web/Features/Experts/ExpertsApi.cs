using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberReview.Web.Features.Experts;

internal static class ExpertsApi
{
    public static void AddCyberReviewExperts(this IServiceCollection services) => services.AddScoped<ExpertPool>();

    public static void MapExpertsApi(this RouteGroupBuilder api)
    {
        var experts = api.MapGroup("/experts").WithTags("Experts");
        experts.MapGet("/", List).RequireCapability(Capability.RunReviews).WithSummary("The expert pool, for the office: expertise, availability and seats held; filter by risk area, product kind, availability or name; paged.");
        experts.MapGet("/me", Own).RequireCapability(Capability.GiveExpertOpinions).WithSummary("Your own expertise and availability, as an expert.");
        experts.MapPut("/me", Save).RequireCapability(Capability.GiveExpertOpinions).WithSummary("Set your expertise (risk areas, product kinds) and availability, as an expert.");
    }

    public sealed record ProfileBody(
        [property: Required, MinLength(1)] IReadOnlyList<RiskArea> RiskAreas,
        [property: Required, MinLength(1)] IReadOnlyList<ProductKind> ProductKinds,
        bool Available,
        [property: StringLength(ExpertPool.MaxNoteLength)] string? AvailabilityNote);

    private static async Task<Ok<ExpertList>> List(ExpertPool pool, RiskArea? riskArea, ProductKind? productKind, bool? available, string? search, int? page, int? pageSize,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await pool.ListAsync(new ExpertFilter(riskArea, productKind, available ?? false, search, page ?? 1, pageSize ?? 25), cancellationToken));

    private static async Task<Ok<ExpertItem>> Own(ClaimsPrincipal user, ExpertPool pool, CancellationToken cancellationToken) =>
        TypedResults.Ok(await pool.OwnAsync(user, cancellationToken));

    private static async Task<Results<Ok<ExpertItem>, ValidationProblem>> Save(ProfileBody body, ClaimsPrincipal user, ExpertPool pool, CancellationToken cancellationToken)
    {
        var errors = await pool.SaveAsync(user, new ProfileInput(body.RiskAreas, body.ProductKinds, body.Available, body.AvailabilityNote), cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await pool.OwnAsync(user, cancellationToken));
    }
}
