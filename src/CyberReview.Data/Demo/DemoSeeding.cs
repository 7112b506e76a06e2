using CyberReview.Data.Identity;
using CyberReview.Data.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Data.Demo;

/// <summary>
/// The one way the demo is loaded (the embedded web app's first start, <c>cyberreview demo seed</c>, the tests): the
/// demo data, then the signatures its institutions and the office would have put on its reports and decisions.
/// </summary>
public static class DemoSeeding
{
    /// <summary>Seeds the demo with the services of one scope (registered by AddReviewDatabase, Identity and AddReviewSigning).</summary>
    public static async Task<DemoSeedResult> SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var result = await DemoData.SeedAsync(
            services.GetRequiredService<ReviewDbContext>(), services.GetRequiredService<UserManager<User>>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
        if (result is DemoSeedResult.Seeded)
            await services.GetRequiredService<SignedRecords>().SignDemoRecordsAsync(cancellationToken);
        return result;
    }
}
