using CyberReview.Reviews.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Products;

/// <summary>
/// A component of one product version: what it is, who supplies it and where it comes from (Art. 4(2) looks at
/// the supply chain of the product and its key components).
/// </summary>
public sealed class ProductComponent
{
    public Guid Id { get; set; }
    public Guid VersionId { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public required string Supplier { get; set; }

    /// <summary>ISO 3166-1 alpha-2, in capitals.</summary>
    public required string CountryOfOrigin { get; set; }

    /// <summary>The package URL in canonical form, when the provider knows it; advisories are matched on it.</summary>
    public string? Purl { get; set; }

    /// <summary>A key (critical) component.</summary>
    public bool IsKey { get; set; }
}

internal sealed class ProductComponentConfiguration : IEntityTypeConfiguration<ProductComponent>
{
    public void Configure(EntityTypeBuilder<ProductComponent> component)
    {
        component.Property(c => c.Name).HasMaxLength(ProductRules.MaxNameLength);
        component.Property(c => c.Version).HasMaxLength(ProductRules.MaxVersionLength);
        component.Property(c => c.Supplier).HasMaxLength(ProductRules.MaxSupplierLength);
        component.Property(c => c.CountryOfOrigin).HasMaxLength(2);
        component.Property(c => c.Purl).HasMaxLength(ProductRules.MaxPurlLength);
        // A version lists each component once; a second copy of the same library at another version is another row.
        component.HasIndex(c => new { c.VersionId, c.Name, c.Version }).IsUnique();
        // Monitoring finds every version that contains a package when an advisory names it.
        component.HasIndex(c => c.Purl);
        component.HasOne<ProductVersion>().WithMany(v => v.Components).HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
