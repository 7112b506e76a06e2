using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Criteria;

/// <summary>
/// The review committee's approval of a criteria catalogue version (Art. 5: the committee reviews the
/// review's important policies). Only an approved version may be used for new findings.
/// </summary>
public sealed class CatalogueApproval
{
    public required string Version { get; set; }
    public Guid ApprovedById { get; set; }
    public required string ApprovedByName { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
    public required string Minutes { get; set; }
}

internal sealed class CatalogueApprovalConfiguration : IEntityTypeConfiguration<CatalogueApproval>
{
    public void Configure(EntityTypeBuilder<CatalogueApproval> approval)
    {
        approval.HasKey(a => a.Version);
        approval.Property(a => a.Version).HasMaxLength(32);
        approval.Property(a => a.ApprovedByName).HasMaxLength(200);
        approval.Property(a => a.Minutes).HasMaxLength(4000);
    }
}
