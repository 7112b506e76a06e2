using CyberReview.Data.Products;
using CyberReview.Reviews.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Sboms;

/// <summary>
/// Online monitoring (Art. 3): an imported advisory newly affects components of a version with a result in force.
/// Raised once per version and advisory, for the office, which acknowledges it with a note.
/// </summary>
public sealed class MonitoringAlert
{
    public const int MaxNoteLength = 2000;

    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid ProductVersionId { get; set; }
    public Guid SbomId { get; set; }
    public required string AdvisoryId { get; set; }
    public string? Aliases { get; set; }
    public Severity Severity { get; set; }
    public double? Score { get; set; }

    /// <summary>The affected components (package URLs), comma-separated.</summary>
    public required string Components { get; set; }
    public string? FixedVersions { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedById { get; set; }
    public string? Note { get; set; }
}

internal sealed class MonitoringAlertConfiguration : IEntityTypeConfiguration<MonitoringAlert>
{
    public void Configure(EntityTypeBuilder<MonitoringAlert> alert)
    {
        alert.Property(a => a.AdvisoryId).HasMaxLength(200);
        alert.Property(a => a.Aliases).HasMaxLength(1000);
        alert.Property(a => a.Components).HasMaxLength(8000);
        alert.Property(a => a.FixedVersions).HasMaxLength(1000);
        alert.Property(a => a.Note).HasMaxLength(MonitoringAlert.MaxNoteLength);
        // Once per version and advisory, however often advisories are imported.
        alert.HasIndex(a => new { a.ProductVersionId, a.AdvisoryId }).IsUnique();
        alert.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
        alert.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        alert.HasOne<ProductVersion>().WithMany().HasForeignKey(a => a.ProductVersionId).OnDelete(DeleteBehavior.Cascade);
        alert.HasOne<ProductSbom>().WithMany().HasForeignKey(a => a.SbomId).OnDelete(DeleteBehavior.Cascade);
    }
}
