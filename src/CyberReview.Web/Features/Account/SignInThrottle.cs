using CyberReview.Data;
using CyberReview.Data.RateLimiting;

namespace CyberReview.Web.Features.Account;

/// <summary>
/// Limits sign-in attempts per client address and per account name, across all instances (the counts
/// live in the database). Identity's lockout protects each account as well; this stops spraying.
/// </summary>
public sealed class SignInThrottle(ReviewDbContext db, TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    // Behind a load balancer, set ForwardedHeaders so that the address is the client's, not the balancer's.
    private int PerAddressPerWindow => configuration.GetValue("SignIn:AttemptsPerAddress", 100);
    private int PerAccountPerWindow => configuration.GetValue("SignIn:AttemptsPerAccount", 10);

    /// <summary>Null when the attempt may go ahead, else how long to wait.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string? address, string account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowSeconds = (long)Window.TotalSeconds;
        var windowStart = now - now % windowSeconds;
        var byAddress = await db.CountAttemptAsync($"sign-in:ip:{Truncate(address ?? "unknown")}", windowStart, cancellationToken);
        var byAccount = await db.CountAttemptAsync($"sign-in:account:{Truncate(account.Trim().ToUpperInvariant())}", windowStart, cancellationToken);
        return byAddress > PerAddressPerWindow || byAccount > PerAccountPerWindow
            ? TimeSpan.FromSeconds(windowStart + windowSeconds - now)
            : null;
    }

    /// <summary>Codes have a budget of their own per account, so that signing in twice does not use up the password's.</summary>
    public static string SecondFactorAccount(Data.Identity.User user) => "second-factor:" + user.Id;

    private static string Truncate(string value) => value.Length > 150 ? value[..150] : value;
}
