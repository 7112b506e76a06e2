using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Data.Signatures;

public static class SigningSetup
{
    /// <summary>
    /// Registers the signing keys and signed records on the installation's Data Protection key ring, kept in the
    /// database: the web app and the command line must share it, or a key one made cannot sign for the other.
    /// </summary>
    public static IServiceCollection AddReviewSigning(this IServiceCollection services)
    {
        // Keys live in the shared database so that every instance can read every other instance's cookies and private keys.
        services.AddDataProtection()
            .SetApplicationName("CyberReview")
            .PersistKeysToDbContext<ReviewDbContext>();
        services.AddScoped<SigningKeys>();
        services.AddScoped<SignedRecords>();
        return services;
    }
}
