using CyberReview.Reviews.CiiProcurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.CiiProcurement;

/// <summary>
/// A CII operator's declaration of a planned purchase (Art. 11), filed with its protection department, which
/// determines whether the purchase may affect national security. The department is kept as it was at filing, so
/// a later change of designation does not move declarations between sectors.
/// </summary>
public sealed class ProcurementDeclaration
{
    public Guid Id { get; set; }
    public Guid OperatorId { get; set; }
    public Organisations.Organisation Operator { get; set; } = null!;
    public Guid ProtectionDepartmentId { get; set; }
    public Organisations.Organisation ProtectionDepartment { get; set; } = null!;

    /// <summary>The registered product, when it is in CyberReview; otherwise <see cref="ProductName"/> names it.</summary>
    public Guid? ProductId { get; set; }
    public Products.Product? Product { get; set; }

    /// <summary>The product as named at filing: the registered product's name, or the operator's free text.</summary>
    public required string ProductName { get; set; }

    /// <summary>The supplier or provider in free text, for a product not in CyberReview.</summary>
    public string? SupplierName { get; set; }

    /// <summary>Versions in free text, for a product not in CyberReview (registered versions are in <see cref="Versions"/>).</summary>
    public string? VersionsText { get; set; }
    public required string Purpose { get; set; }
    public required string SystemName { get; set; }
    public ProtectionLevel Level { get; set; }
    public required string ContractReference { get; set; }
    public bool CommitsNoIllegalDataCollection { get; set; }
    public bool CommitsNoIllegalDeviceControl { get; set; }
    public bool CommitsNoUnjustifiedInterruption { get; set; }

    public DeclarationStatus Status { get; set; }
    public Guid FiledById { get; set; }
    public required string FiledByName { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public Guid? DeterminedById { get; set; }
    public string? DeterminedByName { get; set; }
    public DateTimeOffset? DeterminedAt { get; set; }
    public string? DeterminationReasons { get; set; }

    /// <summary>The review case a "may affect national security" determination opened.</summary>
    public Guid? CaseId { get; set; }
    public Cases.ReviewCase? Case { get; set; }

    /// <summary>Guards against two determinations at once.</summary>
    public int Revision { get; set; }

    public List<DeclaredVersion> Versions { get; set; } = [];
}

/// <summary>A registered product version a declaration names.</summary>
public sealed class DeclaredVersion
{
    public Guid DeclarationId { get; set; }
    public Guid ProductVersionId { get; set; }
    public Products.ProductVersion ProductVersion { get; set; } = null!;
}

internal sealed class ProcurementDeclarationConfiguration : IEntityTypeConfiguration<ProcurementDeclaration>
{
    public void Configure(EntityTypeBuilder<ProcurementDeclaration> declaration)
    {
        declaration.Property(d => d.ProductName).HasMaxLength(DeclarationRules.MaxNameLength);
        declaration.Property(d => d.SupplierName).HasMaxLength(DeclarationRules.MaxNameLength);
        declaration.Property(d => d.VersionsText).HasMaxLength(DeclarationRules.MaxNameLength);
        declaration.Property(d => d.Purpose).HasMaxLength(DeclarationRules.MaxTextLength);
        declaration.Property(d => d.SystemName).HasMaxLength(DeclarationRules.MaxNameLength);
        declaration.Property(d => d.ContractReference).HasMaxLength(DeclarationRules.MaxNameLength);
        declaration.Property(d => d.FiledByName).HasMaxLength(200);
        declaration.Property(d => d.DeterminedByName).HasMaxLength(200);
        declaration.Property(d => d.DeterminationReasons).HasMaxLength(DeclarationRules.MaxTextLength);
        declaration.Property(d => d.Revision).IsConcurrencyToken();
        declaration.HasOne(d => d.Operator).WithMany().HasForeignKey(d => d.OperatorId).OnDelete(DeleteBehavior.Restrict);
        declaration.HasOne(d => d.ProtectionDepartment).WithMany().HasForeignKey(d => d.ProtectionDepartmentId).OnDelete(DeleteBehavior.Restrict);
        declaration.HasOne(d => d.Product).WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        declaration.HasOne(d => d.Case).WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Each list filters by its owner and pages newest first.
        declaration.HasIndex(d => new { d.OperatorId, d.FiledAt });
        declaration.HasIndex(d => new { d.ProtectionDepartmentId, d.Status, d.FiledAt });
        declaration.HasIndex(d => d.FiledAt);
        declaration.HasIndex(d => d.CaseId);
        declaration.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DeclarationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeclaredVersionConfiguration : IEntityTypeConfiguration<DeclaredVersion>
{
    public void Configure(EntityTypeBuilder<DeclaredVersion> version)
    {
        version.HasKey(v => new { v.DeclarationId, v.ProductVersionId });
        version.HasOne(v => v.ProductVersion).WithMany().HasForeignKey(v => v.ProductVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
