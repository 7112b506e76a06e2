using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CyberReview.Data;

/// <summary>The production engine. Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresReviewDbContext(DbContextOptions<PostgresReviewDbContext> options) : ReviewDbContext(options);

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresReviewDbContext>
{
    public PostgresReviewDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresReviewDbContext>()
            .UseNpgsql("Host=localhost;Database=cyberreview_design")
            .Options);
}
