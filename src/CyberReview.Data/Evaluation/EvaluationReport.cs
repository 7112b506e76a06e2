using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Evaluation;

/// <summary>
/// An institution's evaluation report in a case, signed off by a named evaluator (Art. 12). Frozen once
/// submitted: it keeps a copy of the findings as they stood, and a correction is a new version that supersedes
/// it, both kept.
/// </summary>
public sealed class EvaluationReport
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid InstitutionId { get; set; }

    /// <summary>1 for the institution's first report in the case, then one more for each correction.</summary>
    public int Version { get; set; }
    public required string Summary { get; set; }
    public required string CatalogueVersion { get; set; }
    public Guid SignedById { get; set; }
    public required string SignedByName { get; set; }

    /// <summary>The statement the signer confirmed, in the words they were shown.</summary>
    public required string SignOffStatement { get; set; }
    public DateTimeOffset SignedAt { get; set; }

    /// <summary>What this version corrects in the one before it.</summary>
    public string? CorrectionReason { get; set; }
    public Guid? SupersededById { get; set; }
    public DateTimeOffset? SupersededAt { get; set; }

    /// <summary>The id of the key that signed the canonical document (see CyberReview.Reviews.Signatures); null when unsigned.</summary>
    public string? SignatureKeyId { get; set; }

    /// <summary>The ES256 signature (IEEE P1363, 64 bytes) over the canonical document.</summary>
    public byte[]? Signature { get; set; }

    /// <summary>The SHA-256 of the canonical document as signed, in lower-case hex.</summary>
    public string? SignedPayloadSha256 { get; set; }
    public List<ReportConclusion> Conclusions { get; set; } = [];
    public List<ReportFinding> Findings { get; set; } = [];
}

/// <summary>A report's conclusion on one risk area.</summary>
public sealed class ReportConclusion
{
    public Guid ReportId { get; set; }
    public RiskArea Area { get; set; }
    public AreaVerdict Verdict { get; set; }
    public required string Reasoning { get; set; }
}

/// <summary>A finding as it stood when the report was signed.</summary>
public sealed class ReportFinding
{
    public Guid ReportId { get; set; }
    public Guid FindingId { get; set; }
    public int Number { get; set; }
    public RiskArea RiskArea { get; set; }
    public required string CriterionId { get; set; }
    public Severity Severity { get; set; }
    public FindingStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public string? RecommendedCondition { get; set; }

    /// <summary>The SHA-256 digests of the evidence the finding cited when the report was signed, in order, separated by spaces.</summary>
    public string EvidenceSha256 { get; set; } = "";
}

internal sealed class EvaluationReportConfiguration : IEntityTypeConfiguration<EvaluationReport>
{
    public void Configure(EntityTypeBuilder<EvaluationReport> report)
    {
        report.Property(r => r.Summary).HasMaxLength(EvaluationReportRules.MaxSummaryLength);
        report.Property(r => r.CatalogueVersion).HasMaxLength(16);
        report.Property(r => r.SignedByName).HasMaxLength(200);
        report.Property(r => r.SignOffStatement).HasMaxLength(2000);
        report.Property(r => r.CorrectionReason).HasMaxLength(EvaluationReportRules.MaxCorrectionReasonLength);
        // Two evaluators of one institution signing at once would both take the next version; the second fails here.
        report.HasIndex(r => new { r.CaseId, r.InstitutionId, r.Version }).IsUnique();
        report.Property(r => r.SignatureKeyId).HasMaxLength(64);
        report.Property(r => r.SignedPayloadSha256).HasMaxLength(64);
        report.HasOne<ReviewCase>().WithMany(c => c.EvaluationReports).HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Organisation>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<EvaluationReport>().WithMany().HasForeignKey(r => r.SupersededById).OnDelete(DeleteBehavior.Restrict);
        report.HasMany(r => r.Conclusions).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportConclusionConfiguration : IEntityTypeConfiguration<ReportConclusion>
{
    public void Configure(EntityTypeBuilder<ReportConclusion> conclusion)
    {
        conclusion.HasKey(c => new { c.ReportId, c.Area });
        conclusion.Property(c => c.Reasoning).HasMaxLength(EvaluationReportRules.MaxReasoningLength);
    }
}

internal sealed class ReportFindingConfiguration : IEntityTypeConfiguration<ReportFinding>
{
    public void Configure(EntityTypeBuilder<ReportFinding> finding)
    {
        finding.HasKey(f => new { f.ReportId, f.FindingId });
        finding.Property(f => f.CriterionId).HasMaxLength(16);
        finding.Property(f => f.Title).HasMaxLength(FindingRules.MaxTitleLength);
        finding.Property(f => f.Description).HasMaxLength(FindingRules.MaxDescriptionLength);
        finding.Property(f => f.RecommendedCondition).HasMaxLength(FindingRules.MaxConditionLength);
        finding.HasOne<Finding>().WithMany().HasForeignKey(f => f.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}
