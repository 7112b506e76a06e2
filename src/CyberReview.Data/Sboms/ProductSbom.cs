using CyberReview.Data.Products;
using CyberReview.Reviews.Evidence;
using CyberReview.Reviews.Sboms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Sboms;

/// <summary>
/// An SBOM attached to a product version: the file, encrypted in the evidence vault (bound to the version and this
/// id), and where its analysis stands. The latest finished analysis of a version is the one its summary and
/// monitoring use.
/// </summary>
public sealed class ProductSbom
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; set; }
    public Guid ProductVersionId { get; set; }

    /// <summary>The case an evaluator attached it through; null when the provider attached it to its own product.</summary>
    public Guid? CaseId { get; set; }

    public required string FileName { get; set; }
    public ContentKind DetectedKind { get; set; }
    public long Size { get; set; }

    /// <summary>SHA-256 of the file as uploaded (32 bytes).</summary>
    public required byte[] Sha256 { get; set; }
    public required string BlobAddress { get; set; }
    public required byte[] WrappedKey { get; set; }
    public required string KeyId { get; set; }
    public Guid UploadedById { get; set; }
    public required string UploadedByName { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public SbomAnalysisStatus Status { get; set; }
    public int ComponentsDone { get; set; }
    public int ComponentsTotal { get; set; }

    /// <summary>Why the analysis failed, in words a provider can act on.</summary>
    public string? Error { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The SBOM's format and spec version as read (CycloneDX 1.6, SPDX 2.3).</summary>
    public string? Format { get; set; }

    /// <summary>The supply-chain summary of a finished analysis, as JSON (suppliers, ecosystems, depth, severity counts).</summary>
    public string? Summary { get; set; }

    /// <summary>The SHA-256 as 64 lower-case hexadecimal digits, the way findings cite it.</summary>
    public string Digest => Convert.ToHexStringLower(Sha256);

    /// <summary>The vault binding of the file: the version stands where a case attachment has its case.</summary>
    public Evidence.EvidenceBinding Binding => new(ProductVersionId, Id);
}

internal sealed class ProductSbomConfiguration : IEntityTypeConfiguration<ProductSbom>
{
    public void Configure(EntityTypeBuilder<ProductSbom> sbom)
    {
        sbom.Property(s => s.FileName).HasMaxLength(255);
        sbom.Property(s => s.Sha256).HasMaxLength(32);
        sbom.Property(s => s.BlobAddress).HasMaxLength(64);
        sbom.Property(s => s.WrappedKey).HasMaxLength(512);
        sbom.Property(s => s.KeyId).HasMaxLength(64);
        sbom.Property(s => s.UploadedByName).HasMaxLength(200);
        sbom.Property(s => s.Error).HasMaxLength(ProductSbom.MaxErrorLength);
        sbom.Property(s => s.Format).HasMaxLength(64);
        sbom.HasIndex(s => new { s.ProductVersionId, s.UploadedAt });
        // The worker re-queues what a restart interrupted.
        sbom.HasIndex(s => s.Status);
        sbom.HasOne<ProductVersion>().WithMany().HasForeignKey(s => s.ProductVersionId).OnDelete(DeleteBehavior.Cascade);
        sbom.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.SetNull);
        sbom.HasMany<SbomIssue>().WithOne().HasForeignKey(i => i.SbomId).OnDelete(DeleteBehavior.Cascade);
        sbom.HasMany<SbomPackage>().WithOne().HasForeignKey(p => p.SbomId).OnDelete(DeleteBehavior.Cascade);
    }
}
