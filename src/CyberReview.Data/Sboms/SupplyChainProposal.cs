using CyberReview.Reviews.Sboms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Sboms;

/// <summary>
/// An SBOM issue proposed as a finding on a case about the version; an evaluator accepts it (it becomes a finding
/// citing the SBOM) or dismisses it with a reason. A case gets each issue (same key) once, however often the
/// version's SBOMs are analysed again.
/// </summary>
public sealed class SupplyChainProposal
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid IssueId { get; set; }
    public SbomIssue Issue { get; set; } = null!;

    /// <summary>The issue's key, repeated here so the case's uniqueness is one index.</summary>
    public required string Key { get; set; }
    public ProposalStatus Status { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public Guid? FindingId { get; set; }
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
}

internal sealed class SupplyChainProposalConfiguration : IEntityTypeConfiguration<SupplyChainProposal>
{
    public void Configure(EntityTypeBuilder<SupplyChainProposal> proposal)
    {
        proposal.Property(p => p.Key).HasMaxLength(64);
        proposal.Property(p => p.Reason).HasMaxLength(SupplyChainRules.MaxReasonLength);
        proposal.HasIndex(p => new { p.CaseId, p.Key }).IsUnique();
        proposal.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne(p => p.Issue).WithMany().HasForeignKey(p => p.IssueId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne<Evaluation.Finding>().WithMany().HasForeignKey(p => p.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}
