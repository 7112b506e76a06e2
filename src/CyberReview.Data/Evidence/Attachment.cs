using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Evidence;

/// <summary>
/// A file attached to a case, kept encrypted in the vault. The row holds what the file is (its SHA-256, size and
/// detected kind), where its ciphertext lies and its data key wrapped by the key-encryption key. Destroying the
/// case's evidence removes the wrapped key and the blob, and keeps the rest as a record of what there was.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public AttachmentOwner Owner { get; set; }

    /// <summary>The activity or report the file belongs to; for <see cref="AttachmentOwner.Case"/>, the case id.</summary>
    public Guid OwnerId { get; set; }
    public UploadKind Kind { get; set; }

    /// <summary>The uploader's file name with everything unsafe removed; only ever shown or offered as a download name.</summary>
    public required string FileName { get; set; }
    public string? DeclaredContentType { get; set; }
    public ContentKind DetectedKind { get; set; }
    public long Size { get; set; }

    /// <summary>SHA-256 of the file as uploaded (the plaintext): what reports and findings cite.</summary>
    public required byte[] Sha256 { get; set; }

    /// <summary>The SHA-256 of the stored ciphertext, which names the blob in the vault; null once destroyed.</summary>
    public string? BlobAddress { get; set; }

    /// <summary>The file's AES-256-GCM data key, wrapped by the key-encryption key; null once destroyed.</summary>
    public byte[]? WrappedKey { get; set; }

    /// <summary>Which key-encryption key wrapped <see cref="WrappedKey"/>.</summary>
    public required string KeyId { get; set; }
    public Guid UploadedById { get; set; }
    public required string UploadedByName { get; set; }
    public CaseActor UploaderPart { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public ScanStatus ScanStatus { get; set; }
    public DateTimeOffset? DestroyedAt { get; set; }
    public Guid? DestroyedById { get; set; }
}

/// <summary>Where a file stands with the malware scanner. Only Clean and NotScanned files are handed out.</summary>
public enum ScanStatus
{
    /// <summary>The scanner found nothing.</summary>
    Clean,

    /// <summary>Not scanned yet: held back.</summary>
    Pending,

    /// <summary>The scanner found malware: never handed out.</summary>
    Infected,

    /// <summary>No scanner is configured on this installation.</summary>
    NotScanned,
}

/// <summary>
/// A case's retention standing: a legal hold that keeps its evidence whatever the period says, and the record of
/// its destruction. A case without a row has no hold and nothing destroyed.
/// </summary>
public sealed class EvidenceRetention
{
    public Guid CaseId { get; set; }
    public bool LegalHold { get; set; }
    public string? LegalHoldReason { get; set; }
    public Guid? LegalHoldChangedById { get; set; }
    public DateTimeOffset? LegalHoldChangedAt { get; set; }
    public DateTimeOffset? DestroyedAt { get; set; }
    public Guid? DestroyedById { get; set; }

    /// <summary>Guards against a hold and a destruction crossing each other.</summary>
    public int Revision { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.DeclaredContentType).HasMaxLength(255);
        attachment.Property(a => a.Sha256).HasMaxLength(32);
        attachment.Property(a => a.BlobAddress).HasMaxLength(64);
        attachment.Property(a => a.WrappedKey).HasMaxLength(512);
        attachment.Property(a => a.KeyId).HasMaxLength(64);
        attachment.Property(a => a.UploadedByName).HasMaxLength(200);
        attachment.HasIndex(a => new { a.CaseId, a.Owner, a.OwnerId, a.UploadedAt });
        attachment.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceRetentionConfiguration : IEntityTypeConfiguration<EvidenceRetention>
{
    public void Configure(EntityTypeBuilder<EvidenceRetention> retention)
    {
        retention.HasKey(r => r.CaseId);
        retention.Property(r => r.LegalHoldReason).HasMaxLength(4000);
        retention.Property(r => r.Revision).IsConcurrencyToken();
        retention.HasOne<Cases.ReviewCase>().WithOne().HasForeignKey<EvidenceRetention>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
