using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Evaluation;

/// <summary>
/// One of the four activities of Art. 3 that an institution carries out in a case: its plan (common and
/// kind-specific fields; those of other kinds stay empty), its status, and the notes of its results.
/// </summary>
public sealed class EvaluationActivity
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The institution whose evaluators plan and carry it out, and alone may change it.</summary>
    public Guid InstitutionId { get; set; }
    public ActivityKind Kind { get; set; }
    public ActivityStatus Status { get; set; }
    public required string Scope { get; set; }
    public required string Method { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public string? TestEnvironment { get; set; }
    public string? LaboratoryLocation { get; set; }
    public string? SiteAddress { get; set; }
    public string? Premises { get; set; }
    public List<string> Targets { get; set; } = [];
    public DateOnly? MonitoringFrom { get; set; }
    public DateOnly? MonitoringUntil { get; set; }
    public List<string> Subjects { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public string? Results { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Guards against two evaluators changing the same activity at once.</summary>
    public int Revision { get; set; }

    /// <summary>The plan as the domain sees it.</summary>
    public ActivityPlan Plan => new()
    {
        Kind = Kind,
        Scope = Scope,
        Method = Method,
        PlannedStart = PlannedStart,
        PlannedEnd = PlannedEnd,
        TestEnvironment = TestEnvironment,
        LaboratoryLocation = LaboratoryLocation,
        SiteAddress = SiteAddress,
        Premises = Premises,
        Targets = Targets,
        MonitoringFrom = MonitoringFrom,
        MonitoringUntil = MonitoringUntil,
        Subjects = Subjects,
        Sources = Sources,
    };
}

internal sealed class EvaluationActivityConfiguration : IEntityTypeConfiguration<EvaluationActivity>
{
    public void Configure(EntityTypeBuilder<EvaluationActivity> activity)
    {
        activity.Property(a => a.Scope).HasMaxLength(ActivityPlan.MaxTextLength);
        activity.Property(a => a.Method).HasMaxLength(ActivityPlan.MaxTextLength);
        activity.Property(a => a.TestEnvironment).HasMaxLength(ActivityPlan.MaxTextLength);
        activity.Property(a => a.LaboratoryLocation).HasMaxLength(ActivityPlan.MaxLineLength);
        activity.Property(a => a.SiteAddress).HasMaxLength(ActivityPlan.MaxLineLength);
        activity.Property(a => a.Premises).HasMaxLength(ActivityPlan.MaxTextLength);
        activity.Property(a => a.Results).HasMaxLength(EvaluationLimits.MaxResultsLength);
        activity.Property(a => a.Revision).IsConcurrencyToken();
        activity.Ignore(a => a.Plan);
        // The evaluation page lists a case's activities by kind and schedule.
        activity.HasIndex(a => new { a.CaseId, a.Kind, a.PlannedStart });
        activity.HasOne<ReviewCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        activity.HasOne<Organisation>().WithMany().HasForeignKey(a => a.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Lengths of evaluation texts that the domain does not limit itself.</summary>
public static class EvaluationLimits
{
    public const int MaxResultsLength = 20000;
}
