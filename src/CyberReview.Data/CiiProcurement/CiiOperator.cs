using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.CiiProcurement;

/// <summary>
/// A procuring body designated as a critical information infrastructure operator, under the CII protection department
/// of its sector (Art. 11): its procurers file declarations, and that department determines them.
/// </summary>
public sealed class CiiOperator
{
    public Guid OrganisationId { get; set; }
    public Guid ProtectionDepartmentId { get; set; }
    public DateTimeOffset DesignatedAt { get; set; }
}

internal sealed class CiiOperatorConfiguration : IEntityTypeConfiguration<CiiOperator>
{
    public void Configure(EntityTypeBuilder<CiiOperator> cii)
    {
        cii.HasKey(o => o.OrganisationId);
        cii.HasOne<Organisations.Organisation>().WithOne().HasForeignKey<CiiOperator>(o => o.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        cii.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(o => o.ProtectionDepartmentId).OnDelete(DeleteBehavior.Restrict);
        cii.HasIndex(o => o.ProtectionDepartmentId);
    }
}
