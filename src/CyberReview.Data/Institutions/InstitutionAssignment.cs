using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Institutions;

/// <summary>
/// An institution assigned to evaluate a case, with the activity kinds it carries out there. Its staff hold
/// the case's evaluator part through a grant to the institution that lives exactly as long as the assignment.
/// Taking an assignment back records when and by whom; the row stays.
/// </summary>
public sealed class InstitutionAssignment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid InstitutionId { get; set; }
    public Organisation Institution { get; set; } = null!;
    public List<ActivityKind> Activities { get; set; } = [];
    public DateTimeOffset AssignedAt { get; set; }
    public Guid AssignedById { get; set; }
    public DateTimeOffset? UnassignedAt { get; set; }
    public Guid? UnassignedById { get; set; }
}

internal sealed class InstitutionAssignmentConfiguration : IEntityTypeConfiguration<InstitutionAssignment>
{
    public void Configure(EntityTypeBuilder<InstitutionAssignment> assignment)
    {
        assignment.Property(a => a.Activities).HasEnumNames();
        assignment.HasIndex(a => new { a.CaseId, a.InstitutionId });
        assignment.HasIndex(a => a.InstitutionId);
        assignment.HasOne<ReviewCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        assignment.HasOne(a => a.Institution).WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Identity.User>().WithMany().HasForeignKey(a => a.AssignedById).OnDelete(DeleteBehavior.Restrict);
        assignment.HasOne<Identity.User>().WithMany().HasForeignKey(a => a.UnassignedById).OnDelete(DeleteBehavior.Restrict);
    }
}
