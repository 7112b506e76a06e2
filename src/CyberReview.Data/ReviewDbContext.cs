using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data;

/// <summary>
/// The one model of CyberReview. Each database engine has a subclass that carries its own migrations
/// (<see cref="SqliteReviewDbContext"/>, <see cref="PostgresReviewDbContext"/>); code uses this type.
/// </summary>
public abstract class ReviewDbContext(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductVersion> ProductVersions => Set<ProductVersion>();
    public DbSet<ProductComponent> ProductComponents => Set<ProductComponent>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RateLimiting.RateLimitWindow> RateLimitWindows => Set<RateLimiting.RateLimitWindow>();
    public DbSet<Cases.ReviewCase> Cases => Set<Cases.ReviewCase>();
    public DbSet<Cases.CaseMember> CaseMembers => Set<Cases.CaseMember>();
    public DbSet<Cases.CaseEvent> CaseEvents => Set<Cases.CaseEvent>();
    public DbSet<Cases.InformationRequest> InformationRequests => Set<Cases.InformationRequest>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();
    public DbSet<Conflicts.ConflictDeclaration> ConflictDeclarations => Set<Conflicts.ConflictDeclaration>();
    public DbSet<Calendar.CalendarYear> CalendarYears => Set<Calendar.CalendarYear>();
    public DbSet<Calendar.CalendarDay> CalendarDays => Set<Calendar.CalendarDay>();
    public DbSet<Criteria.CatalogueApproval> CatalogueApprovals => Set<Criteria.CatalogueApproval>();
    public DbSet<Commitments.Commitment> Commitments => Set<Commitments.Commitment>();
    public DbSet<Institutions.Designation> Designations => Set<Institutions.Designation>();
    public DbSet<Institutions.InstitutionAssignment> InstitutionAssignments => Set<Institutions.InstitutionAssignment>();
    public DbSet<Evaluation.EvaluationActivity> EvaluationActivities => Set<Evaluation.EvaluationActivity>();
    public DbSet<Evaluation.Finding> Findings => Set<Evaluation.Finding>();
    public DbSet<Evaluation.EvaluationReport> EvaluationReports => Set<Evaluation.EvaluationReport>();
    public DbSet<Panels.ExpertProfile> ExpertProfiles => Set<Panels.ExpertProfile>();
    public DbSet<Panels.Draw> PanelDraws => Set<Panels.Draw>();
    public DbSet<Panels.PanelSeat> PanelSeats => Set<Panels.PanelSeat>();
    public DbSet<Panels.ExpertOpinion> ExpertOpinions => Set<Panels.ExpertOpinion>();
    public DbSet<Decisions.Decision> Decisions => Set<Decisions.Decision>();
    public DbSet<Registry.RegistryEntry> RegistryEntries => Set<Registry.RegistryEntry>();
    public DbSet<Signatures.SigningKey> SigningKeys => Set<Signatures.SigningKey>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        // Bounded counts ("more than 1,000") take rows in no order on purpose: any order would make the database sort them all first.
        optionsBuilder.ConfigureWarnings(warnings => warnings.Log((Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning, Microsoft.Extensions.Logging.LogLevel.Debug)));
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReviewDbContext).Assembly);

        // Every id is made by CyberReview (time-ordered UUIDv7). Without this, EF would take a new child with
        // its id already set, added through a navigation, for an existing row and try to update it.
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.FindPrimaryKey()?.Properties is [{ ClrType: var type } id] && type == typeof(Guid))
                id.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }

        // The roles are part of the schema: every installation has exactly these, with stable ids.
        builder.Entity<IdentityRole<Guid>>().HasData(Enum.GetValues<Role>().Select((role, index) => new IdentityRole<Guid>
        {
            Id = new Guid(index + 1, 0, 0, new byte[8]),
            Name = IdentitySetup.RoleName(role),
            NormalizedName = IdentitySetup.RoleName(role).ToUpperInvariant(),
            ConcurrencyStamp = $"role-{index + 1}",
        }));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }
}
