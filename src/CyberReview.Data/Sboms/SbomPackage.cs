using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Sboms;

/// <summary>
/// A component of an analysed SBOM that advisories can name, by OSV ecosystem and name (as the ecosystem normalises
/// it): monitoring finds the components an imported advisory concerns with one index probe per package, without
/// opening any SBOM again.
/// </summary>
public sealed class SbomPackage
{
    public Guid Id { get; set; }
    public Guid SbomId { get; set; }
    public required string Ecosystem { get; set; }
    public required string Name { get; set; }

    /// <summary>The component's package URL as the SBOM gives it, version included.</summary>
    public required string Purl { get; set; }
}

internal sealed class SbomPackageConfiguration : IEntityTypeConfiguration<SbomPackage>
{
    public void Configure(EntityTypeBuilder<SbomPackage> package)
    {
        package.Property(p => p.Ecosystem).HasMaxLength(64);
        package.Property(p => p.Name).HasMaxLength(Advisories.ImportedAdvisoryPackage.MaxNameLength);
        package.Property(p => p.Purl).HasMaxLength(2000);
        package.HasIndex(p => new { p.Ecosystem, p.Name });
    }
}
