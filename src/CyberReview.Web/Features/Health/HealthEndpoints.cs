using CyberReview.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CyberReview.Web.Features.Health;

/// <summary>For load balancers: live means the process answers; ready means it can reach its database.</summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddCyberReviewHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddDbContextCheck<ReviewDbContext>("database", tags: [Ready]);

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous().DisableHttpMetrics();
    }
}
