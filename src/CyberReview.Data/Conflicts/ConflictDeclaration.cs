using CyberReview.Reviews.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Conflicts;

/// <summary>
/// A tie that an expert or evaluator declared with a provider. It rules them out of that provider's cases
/// (panel seats, evaluation) for as long as it stands; withdrawing it is recorded, never deleted.
/// </summary>
public sealed class ConflictDeclaration
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid ProviderId { get; set; }
    public RelationshipKind Kind { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset DeclaredAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> declaration)
    {
        declaration.Property(d => d.Description).HasMaxLength(4000);
        declaration.HasIndex(d => new { d.ProviderId, d.UserId });
        declaration.HasIndex(d => d.UserId);
        declaration.HasOne<Identity.User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        declaration.HasOne<Organisations.Organisation>().WithMany(o => o.DeclaredTies).HasForeignKey(d => d.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public static class ConflictQueries
{
    /// <summary>
    /// The people ruled out of the provider's cases: its own staff, and everyone with a standing declared tie.
    /// One query, for panel draws and institution assignments alike.
    /// </summary>
    public static IQueryable<Guid> RuledOutFor(this ReviewDbContext db, Guid providerId) =>
        db.Users.Where(u => u.OrganisationId == providerId).Select(u => u.Id)
            .Union(db.ConflictDeclarations.Where(d => d.ProviderId == providerId && d.WithdrawnAt == null).Select(d => d.UserId));
}
