using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Cases;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> reviewCase)
    {
        reviewCase.ToTable("Cases");
        reviewCase.Property(c => c.Number).HasMaxLength(32);
        reviewCase.HasIndex(c => c.Number).IsUnique();
        reviewCase.Property(c => c.Title).HasMaxLength(300);
        reviewCase.Property(c => c.RequestingBody).HasMaxLength(300);
        reviewCase.Property(c => c.ReferenceNumber).HasMaxLength(100);
        reviewCase.Property(c => c.Justification).HasMaxLength(8000);
        reviewCase.Property(c => c.ClockStage).HasMaxLength(32);
        reviewCase.Property(c => c.CatalogueVersion).HasMaxLength(16);
        reviewCase.Property(c => c.Revision).IsConcurrencyToken();
        reviewCase.Ignore(c => c.Trigger);
        // The office's lists filter by state and sort by deadline or recency.
        reviewCase.HasIndex(c => new { c.State, c.UpdatedAt, c.Id });
        reviewCase.HasIndex(c => new { c.UpdatedAt, c.Id });
        reviewCase.HasIndex(c => c.DueOn);
        reviewCase.HasIndex(c => c.ProviderId);
        reviewCase.HasOne(c => c.Provider).WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        reviewCase.HasOne(c => c.SectorDepartment).WithMany().HasForeignKey(c => c.SectorDepartmentId).OnDelete(DeleteBehavior.Restrict);
        reviewCase.HasMany(c => c.Versions).WithOne().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        reviewCase.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        reviewCase.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        reviewCase.HasMany(c => c.Pauses).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        reviewCase.HasMany(c => c.InformationRequests).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseVersionConfiguration : IEntityTypeConfiguration<CaseVersion>
{
    public void Configure(EntityTypeBuilder<CaseVersion> version)
    {
        version.HasKey(v => new { v.CaseId, v.ProductVersionId });
        version.HasOne(v => v.ProductVersion).WithMany().HasForeignKey(v => v.ProductVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> member)
    {
        // Access checks look members up by person and by organisation, across cases and within one case.
        member.HasIndex(m => new { m.UserId, m.Part });
        member.HasIndex(m => new { m.OrganisationId, m.Part });
        member.HasIndex(m => new { m.CaseId, m.Part, m.OrganisationId });
        member.HasIndex(m => new { m.CaseId, m.Part, m.UserId });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> caseEvent)
    {
        caseEvent.Property(e => e.ActorName).HasMaxLength(200);
        caseEvent.Property(e => e.What).HasMaxLength(64);
        caseEvent.Property(e => e.Reason).HasMaxLength(8000);
        caseEvent.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> request)
    {
        request.Property(r => r.Question).HasMaxLength(8000);
        request.Property(r => r.Answer).HasMaxLength(20000);
    }
}
