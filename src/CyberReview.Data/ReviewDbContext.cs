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
    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();
    public DbSet<Audit.AuditHead> AuditHeads => Set<Audit.AuditHead>();
    public DbSet<Evidence.Attachment> Attachments => Set<Evidence.Attachment>();
    public DbSet<Evidence.EvidenceRetention> EvidenceRetentions => Set<Evidence.EvidenceRetention>();
    public DbSet<Advisories.ImportedAdvisory> ImportedAdvisories => Set<Advisories.ImportedAdvisory>();
    public DbSet<Advisories.ImportedAdvisoryPackage> ImportedAdvisoryPackages => Set<Advisories.ImportedAdvisoryPackage>();
    public DbSet<Registry.RegistryChange> RegistryChanges => Set<Registry.RegistryChange>();
    public DbSet<Signatures.SigningKey> SigningKeys => Set<Signatures.SigningKey>();
    public DbSet<Undertakings.UndertakingAcceptance> UndertakingAcceptances => Set<Undertakings.UndertakingAcceptance>();
    public DbSet<Sboms.ProductSbom> ProductSboms => Set<Sboms.ProductSbom>();
    public DbSet<Sboms.SbomIssue> SbomIssues => Set<Sboms.SbomIssue>();
    public DbSet<Sboms.SbomPackage> SbomPackages => Set<Sboms.SbomPackage>();
    public DbSet<Sboms.SupplyChainProposal> SupplyChainProposals => Set<Sboms.SupplyChainProposal>();
    public DbSet<Sboms.MonitoringAlert> MonitoringAlerts => Set<Sboms.MonitoringAlert>();
    public DbSet<Procurement.Purchase> Purchases => Set<Procurement.Purchase>();
    public DbSet<Registry.Log.RegistryLogLeaf> RegistryLogLeaves => Set<Registry.Log.RegistryLogLeaf>();
    public DbSet<Registry.Log.RegistryLogHash> RegistryLogHashes => Set<Registry.Log.RegistryLogHash>();
    public DbSet<CiiProcurement.CiiOperator> CiiOperators => Set<CiiProcurement.CiiOperator>();
    public DbSet<CiiProcurement.ProcurementDeclaration> ProcurementDeclarations => Set<CiiProcurement.ProcurementDeclaration>();
    public DbSet<PublicReports.PublicReport> PublicReports => Set<PublicReports.PublicReport>();

    /// <summary>
    /// Saves in one transaction; audit events added to the context are linked onto the chain inside it, so an
    /// action and its audit event commit together or not at all. Registry changes get their transparency-log leaves in
    /// the same save (Registry.Log.RegistryLog), so the registry and its log never disagree.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await Registry.Log.RegistryLog.AppendPendingAsync(this, cancellationToken);
        var pending = Audit.AuditChain.Pending(this);
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            await Audit.AuditChain.LinkAsync(this, pending, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // PostgreSQL retries on transient failures: the whole transaction is the unit that is retried.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancellation);
            await Audit.AuditChain.LinkAsync(this, pending, cancellation);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellation);
            await transaction.CommitAsync(cancellation);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
            ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>Synchronous saves cannot take part in the audit chain's lock; CyberReview saves asynchronously.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Audit.AuditChain.Pending(this).Count > 0)
            throw new InvalidOperationException("Audit events are saved with SaveChangesAsync only.");
        if (ChangeTracker.Entries<Registry.RegistryChange>().Any(e => e.State == EntityState.Added))
            throw new InvalidOperationException("Registry changes are saved with SaveChangesAsync only, which appends them to the transparency log.");
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

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
