using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Data;

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="ReviewDbContext"/> on the engine the options name.</summary>
    public static IServiceCollection AddReviewDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(options.DataDirectory);
                services.AddDbContext<ReviewDbContext, SqliteReviewDbContext>(db => db
                    .UseSqlite(connectionString)
                    .AddInterceptors(new SqliteDurabilityInterceptor()));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<ReviewDbContext, PostgresReviewDbContext>(db => db
                    .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }
        return services;
    }
}
