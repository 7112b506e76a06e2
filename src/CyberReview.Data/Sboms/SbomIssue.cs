using CyberReview.Reviews.Findings;
using CyberReview.Reviews.Sboms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Sboms;

/// <summary>
/// One thing an SBOM analysis found worth a finding: an affected component (with the advisory), components
/// without supplier, licence concerns, an excessive dependency depth. Cases about the version get it as a proposal.
/// </summary>
public sealed class SbomIssue
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; }
    public Guid SbomId { get; set; }
    public ProposalKind Kind { get; set; }

    /// <summary>What makes it the same issue in another analysis: SHA-256 (hex) of kind, component and advisory.</summary>
    public required string Key { get; set; }

    /// <summary>The component (its package URL, or name@version), or a count for issues about many components.</summary>
    public required string Subject { get; set; }
    public string? AdvisoryId { get; set; }

    /// <summary>The advisory's aliases (CVE-…), comma-separated.</summary>
    public string? Aliases { get; set; }
    public Severity Severity { get; set; }

    /// <summary>The advisory's rating as the analysis computed it (Unknown, None, Low, Medium, High, Critical), with the CVSS score when there is one.</summary>
    public string? Rating { get; set; }
    public double? Score { get; set; }

    /// <summary>Versions that fix it, comma-separated.</summary>
    public string? FixedVersions { get; set; }

    /// <summary>The particulars in words: components concerned, licences, depth.</summary>
    public required string Detail { get; set; }
}

internal sealed class SbomIssueConfiguration : IEntityTypeConfiguration<SbomIssue>
{
    public void Configure(EntityTypeBuilder<SbomIssue> issue)
    {
        issue.Property(i => i.Key).HasMaxLength(64);
        issue.Property(i => i.Subject).HasMaxLength(1000);
        issue.Property(i => i.AdvisoryId).HasMaxLength(200);
        issue.Property(i => i.Aliases).HasMaxLength(1000);
        issue.Property(i => i.Rating).HasMaxLength(16);
        issue.Property(i => i.FixedVersions).HasMaxLength(1000);
        issue.Property(i => i.Detail).HasMaxLength(SbomIssue.MaxTextLength);
        issue.HasIndex(i => new { i.SbomId, i.Key }).IsUnique();
    }
}
