using CyberReview.Data;
using CyberReview.Data.RateLimiting;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>
/// Limits public reports per client address, across all instances (the counts live in the database, as sign-in's do).
/// Every attempt counts, accepted or not, so a flood of bad forms is stopped as well.
/// </summary>
public sealed class ReportThrottle(ReviewDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Behind a load balancer, set ForwardedHeaders so that the address is the client's, not the balancer's.
    private int PerAddressPerWindow => configuration.GetValue("PublicReports:PerAddressPerHour", 20);

    /// <summary>Null when the attempt may go ahead, else how long to wait.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowSeconds = (long)Window.TotalSeconds;
        var windowStart = now - now % windowSeconds;
        var count = await db.CountAttemptAsync($"public-report:ip:{(address.Length > 150 ? address[..150] : address)}", windowStart, cancellationToken);
        return count > PerAddressPerWindow ? TimeSpan.FromSeconds(windowStart + windowSeconds - now) : null;
    }
}
