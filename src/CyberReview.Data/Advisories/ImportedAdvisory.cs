using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Advisories;

/// <summary>
/// An OSV advisory imported into the installation (<c>cyberreview advisories import</c>), kept whole as gzipped OSV
/// JSON, with the keys monitoring looks it up by: its id and the packages it names.
/// </summary>
public sealed class ImportedAdvisory
{
    public const int MaxIdLength = 200;

    public Guid Id { get; set; }

    /// <summary>The OSV id (GHSA-…, GO-…, PYSEC-…); unique.</summary>
    public required string AdvisoryId { get; set; }

    /// <summary>The record's <c>modified</c> time as written; a later import replaces the record only when this moves forward.</summary>
    public required string Modified { get; set; }

    /// <summary>The record's <c>modified</c> time, when it reads as RFC 3339.</summary>
    public DateTimeOffset? ModifiedAt { get; set; }

    public bool Withdrawn { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The OSV record as JSON, gzipped.</summary>
    public required byte[] OsvJson { get; set; }

    public List<ImportedAdvisoryPackage> Packages { get; set; } = [];
}

/// <summary>A package an imported advisory names, by OSV ecosystem (without suffix) and name as the ecosystem normalises it.</summary>
public sealed class ImportedAdvisoryPackage
{
    public const int MaxNameLength = 400;

    public Guid Id { get; set; }
    public Guid AdvisoryId { get; set; }
    public required string Ecosystem { get; set; }
    public required string Name { get; set; }
}

internal sealed class ImportedAdvisoryConfiguration : IEntityTypeConfiguration<ImportedAdvisory>
{
    public void Configure(EntityTypeBuilder<ImportedAdvisory> advisory)
    {
        advisory.Property(a => a.AdvisoryId).HasMaxLength(ImportedAdvisory.MaxIdLength);
        advisory.HasIndex(a => a.AdvisoryId).IsUnique();
        advisory.Property(a => a.Modified).HasMaxLength(64);
        advisory.HasMany(a => a.Packages).WithOne().HasForeignKey(p => p.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportedAdvisoryPackageConfiguration : IEntityTypeConfiguration<ImportedAdvisoryPackage>
{
    public void Configure(EntityTypeBuilder<ImportedAdvisoryPackage> package)
    {
        package.Property(p => p.Ecosystem).HasMaxLength(64);
        package.Property(p => p.Name).HasMaxLength(ImportedAdvisoryPackage.MaxNameLength);
        // Monitoring asks which advisories name a package: one index probe.
        package.HasIndex(p => new { p.Ecosystem, p.Name });
    }
}
