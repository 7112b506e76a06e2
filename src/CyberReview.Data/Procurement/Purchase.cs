using CyberReview.Reviews.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Procurement;

/// <summary>
/// A purchase a procurer recorded against a procurement check: the verdict and the registry entry as they stood when it
/// was recorded, kept as they were (a later suspension does not rewrite what the buyer was told).
/// </summary>
public sealed class Purchase
{
    public Guid Id { get; set; }

    /// <summary>The procurer who recorded it, and the buying body they work for.</summary>
    public Guid RecordedById { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The sector department the purchase falls under, as the procurer named it; the office oversees purchases per sector.</summary>
    public Guid? SectorDepartmentId { get; set; }
    public Guid ProductId { get; set; }
    public Guid ProductVersionId { get; set; }
    public ProcurementVerdict Verdict { get; set; }

    /// <summary>The registry entry the verdict rested on; none for UnderReview and NotReviewed.</summary>
    public Guid? EntryId { get; set; }

    /// <summary>The buyer's own reference (contract or tender number).</summary>
    public string? Reference { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> purchase)
    {
        purchase.Property(p => p.Reference).HasMaxLength(200);
        // A procurer lists their own, newest first; the office lists by sector and verdict.
        purchase.HasIndex(p => new { p.RecordedById, p.RecordedAt });
        purchase.HasIndex(p => new { p.SectorDepartmentId, p.Verdict, p.RecordedAt });
        purchase.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        purchase.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(p => p.SectorDepartmentId).OnDelete(DeleteBehavior.Restrict);
        purchase.HasOne<Products.Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        purchase.HasOne<Products.ProductVersion>().WithMany().HasForeignKey(p => p.ProductVersionId).OnDelete(DeleteBehavior.Restrict);
        purchase.HasOne<Registry.RegistryEntry>().WithMany().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
