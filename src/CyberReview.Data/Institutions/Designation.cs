using CyberReview.Data.Organisations;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Institutions;
using CyberReview.Reviews.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Institutions;

/// <summary>
/// The office's designation of an institution to evaluate (Measures, Art. 7): which activity kinds, for which
/// kinds of product, from which day until which day. A renewal is a new designation naming the one it renews;
/// an ending is recorded on the designation. Neither deletes anything, so the rows are the institution's history.
/// </summary>
public sealed class Designation
{
    public Guid Id { get; set; }
    public Guid InstitutionId { get; set; }
    public Organisation Institution { get; set; } = null!;
    public List<ActivityKind> Activities { get; set; } = [];
    public List<ProductKind> ProductKinds { get; set; } = [];
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }

    /// <summary>The office's own reference for the designation decision, when it has one.</summary>
    public string? Reference { get; set; }
    public DateTimeOffset DesignatedAt { get; set; }
    public Guid DesignatedById { get; set; }

    /// <summary>The designation this one renews; each is renewed at most once.</summary>
    public Guid? RenewsId { get; set; }

    /// <summary>The first day on which the office's ending took effect.</summary>
    public DateOnly? EndedOn { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? EndedById { get; set; }
    public string? EndReason { get; set; }

    /// <summary>Guards against two people renewing or ending the same designation at once.</summary>
    public int Revision { get; set; }

    /// <summary>The designation as the rules of <see cref="DesignationRule"/> and <see cref="AssignmentRule"/> read it.</summary>
    public DesignationTerms Terms => new(ValidFrom, ValidUntil, Activities.ToHashSet(), ProductKinds.ToHashSet(), EndedOn);
}

internal sealed class DesignationConfiguration : IEntityTypeConfiguration<Designation>
{
    public void Configure(EntityTypeBuilder<Designation> designation)
    {
        designation.Property(d => d.Activities).HasEnumNames();
        designation.Property(d => d.ProductKinds).HasEnumNames();
        designation.Property(d => d.Reference).HasMaxLength(100);
        designation.Property(d => d.EndReason).HasMaxLength(4000);
        designation.Property(d => d.Revision).IsConcurrencyToken();
        designation.Ignore(d => d.Terms);
        designation.HasIndex(d => new { d.InstitutionId, d.ValidFrom });
        // Two renewals of one designation at once: the second fails here rather than leaving two successors.
        designation.HasIndex(d => d.RenewsId).IsUnique();
        designation.HasOne(d => d.Institution).WithMany().HasForeignKey(d => d.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        designation.HasOne<Designation>().WithMany().HasForeignKey(d => d.RenewsId).OnDelete(DeleteBehavior.Restrict);
        designation.HasOne<Identity.User>().WithMany().HasForeignKey(d => d.DesignatedById).OnDelete(DeleteBehavior.Restrict);
        designation.HasOne<Identity.User>().WithMany().HasForeignKey(d => d.EndedById).OnDelete(DeleteBehavior.Restrict);
    }
}
