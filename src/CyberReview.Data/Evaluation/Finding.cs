using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Evaluation;

/// <summary>
/// What an institution found in a case: in one risk area of Art. 4, against one criterion of the catalogue version
/// the case uses, with a severity, a status, a recommended condition and references to its evidence.
/// </summary>
public sealed class Finding
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>The finding's number within its case (shown as F-001), in the order recorded.</summary>
    public int Number { get; set; }

    /// <summary>The institution whose evaluator recorded it, and whose evaluators alone may change it.</summary>
    public Guid InstitutionId { get; set; }

    /// <summary>The activity that found it, when one did.</summary>
    public Guid? ActivityId { get; set; }
    public RiskArea RiskArea { get; set; }
    public required string CatalogueVersion { get; set; }
    public required string CriterionId { get; set; }
    public Severity Severity { get; set; }
    public FindingStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public string? RecommendedCondition { get; set; }
    public List<FindingEvidence> Evidence { get; set; } = [];
    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Guards against two evaluators changing the same finding at once.</summary>
    public int Revision { get; set; }

    /// <summary>The number as people say it: F-007.</summary>
    public static string Label(int number) => $"F-{number:D3}";
}

/// <summary>A reference from a finding to an item of evidence, in the order the evaluator gave them.</summary>
public sealed class FindingEvidence
{
    public Guid Id { get; set; }
    public Guid FindingId { get; set; }
    public int Position { get; set; }
    public required string Label { get; set; }
    public string? Url { get; set; }

    /// <summary>The item's SHA-256 digest, 64 lower-case hexadecimal digits.</summary>
    public string? Sha256 { get; set; }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> finding)
    {
        finding.Property(f => f.CatalogueVersion).HasMaxLength(16);
        finding.Property(f => f.CriterionId).HasMaxLength(16);
        finding.Property(f => f.Title).HasMaxLength(FindingRules.MaxTitleLength);
        finding.Property(f => f.Description).HasMaxLength(FindingRules.MaxDescriptionLength);
        finding.Property(f => f.RecommendedCondition).HasMaxLength(FindingRules.MaxConditionLength);
        finding.Property(f => f.Revision).IsConcurrencyToken();
        // Numbers run per case; two evaluators numbering at once collide here, and the second tries again.
        finding.HasIndex(f => new { f.CaseId, f.Number }).IsUnique();
        finding.HasIndex(f => new { f.CaseId, f.RiskArea });
        finding.HasIndex(f => f.ActivityId);
        finding.HasOne<ReviewCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        finding.HasOne<Organisation>().WithMany().HasForeignKey(f => f.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        finding.HasOne<EvaluationActivity>().WithMany().HasForeignKey(f => f.ActivityId).OnDelete(DeleteBehavior.Restrict);
        finding.HasMany(f => f.Evidence).WithOne().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingEvidenceConfiguration : IEntityTypeConfiguration<FindingEvidence>
{
    public void Configure(EntityTypeBuilder<FindingEvidence> evidence)
    {
        evidence.ToTable("FindingEvidence");
        evidence.Property(e => e.Label).HasMaxLength(EvidenceLink.MaxLabelLength);
        evidence.Property(e => e.Url).HasMaxLength(EvidenceLink.MaxUrlLength);
        evidence.Property(e => e.Sha256).HasMaxLength(64);
        evidence.HasIndex(e => new { e.FindingId, e.Position });
    }
}
