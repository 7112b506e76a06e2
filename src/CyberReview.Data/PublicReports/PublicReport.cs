using CyberReview.Reviews.Evidence;
using CyberReview.Reviews.PublicReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.PublicReports;

/// <summary>
/// A concern about a product sent by anyone (social supervision, Art. 3). It may hold personal data: its content
/// and the reporter's contact are for the office only, and every read of them is audited. The reporter follows
/// only its status, by the receipt number.
/// </summary>
public sealed class PublicReport
{
    public Guid Id { get; set; }

    /// <summary>The reporter's receipt number (<see cref="ReceiptNumber"/>); unique.</summary>
    public required string ReceiptNumber { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string Concern { get; set; }

    /// <summary>The registered product it is about, named by the reporter or by the office in triage.</summary>
    public Guid? ProductId { get; set; }
    public Products.Product? Product { get; set; }
    public Guid? ProductVersionId { get; set; }
    public Products.ProductVersion? ProductVersion { get; set; }

    /// <summary>The product and version in the reporter's own words, when not picked from the registry.</summary>
    public string? ProductText { get; set; }
    public string? VersionText { get; set; }
    public string? Contact { get; set; }

    public ReportStatus Status { get; set; }
    public Guid? CaseId { get; set; }
    public Cases.ReviewCase? Case { get; set; }

    /// <summary>Why the office dismissed it, or opened a case on it; never shown to the reporter.</summary>
    public string? TriageReason { get; set; }
    public DateTimeOffset? TriagedAt { get; set; }
    public Guid? TriagedById { get; set; }

    /// <summary>The evidence file, encrypted in the vault like a case's; all null when none was sent.</summary>
    public string? FileName { get; set; }
    public ContentKind? FileKind { get; set; }
    public long? FileSize { get; set; }
    public byte[]? FileSha256 { get; set; }
    public string? FileBlobAddress { get; set; }
    public byte[]? FileWrappedKey { get; set; }
    public string? FileKeyId { get; set; }

    public int Revision { get; set; }
}

internal sealed class PublicReportConfiguration : IEntityTypeConfiguration<PublicReport>
{
    public void Configure(EntityTypeBuilder<PublicReport> report)
    {
        report.Property(r => r.ReceiptNumber).HasMaxLength(32);
        report.HasIndex(r => r.ReceiptNumber).IsUnique();
        report.Property(r => r.Concern).HasMaxLength(TriageRules.MaxConcernLength);
        report.Property(r => r.ProductText).HasMaxLength(TriageRules.MaxNameLength);
        report.Property(r => r.VersionText).HasMaxLength(TriageRules.MaxNameLength);
        report.Property(r => r.Contact).HasMaxLength(TriageRules.MaxContactLength);
        report.Property(r => r.TriageReason).HasMaxLength(TriageRules.MaxReasonLength);
        report.Property(r => r.FileName).HasMaxLength(255);
        report.Property(r => r.FileBlobAddress).HasMaxLength(128);
        report.Property(r => r.FileKeyId).HasMaxLength(128);
        report.Property(r => r.Revision).IsConcurrencyToken();
        report.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.ProductVersion).WithMany().HasForeignKey(r => r.ProductVersionId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        report.HasIndex(r => new { r.ProductId, r.ReceivedAt });
        report.HasIndex(r => new { r.Status, r.ReceivedAt });
        report.HasIndex(r => r.CaseId);
    }
}
