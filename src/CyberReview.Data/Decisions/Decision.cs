using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Decisions;

/// <summary>
/// The outcome of a review for named versions, with its conditions, validity and the reach of its publication.
/// Frozen once recorded: a change is a new decision that supersedes it, and both stay on the case.
/// </summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public ReviewOutcome Outcome { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public PublicationVisibility Visibility { get; set; }
    public string? Reason { get; set; }

    /// <summary>The working day of the decision, in the review's time zone.</summary>
    public DateOnly DecidedOn { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public Guid DecidedById { get; set; }
    public required string DecidedByName { get; set; }

    /// <summary>The part in which the decision was taken: the office, or the committee after an escalation.</summary>
    public CaseActor Part { get; set; }

    /// <summary>The decision this one replaces; the current decision is the one nothing supersedes.</summary>
    public Guid? SupersedesId { get; set; }

    /// <summary>The id of the key that signed the canonical document (see CyberReview.Reviews.Signatures); null when unsigned.</summary>
    public string? SignatureKeyId { get; set; }

    /// <summary>The ES256 signature (IEEE P1363, 64 bytes) over the canonical document.</summary>
    public byte[]? Signature { get; set; }

    /// <summary>The SHA-256 of the canonical document as signed, in lower-case hex.</summary>
    public string? SignedPayloadSha256 { get; set; }
    public List<Condition> Conditions { get; set; } = [];
    public List<DecisionVersion> Versions { get; set; } = [];
}

/// <summary>A condition of a conditional pass: a mitigation and its deadline.</summary>
public sealed class Condition
{
    public Guid Id { get; set; }
    public Guid DecisionId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public DateOnly Deadline { get; set; }
}

/// <summary>A product version a decision covers.</summary>
public sealed class DecisionVersion
{
    public Guid DecisionId { get; set; }
    public Guid ProductVersionId { get; set; }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.Property(d => d.Reason).HasMaxLength(8000);
        decision.Property(d => d.DecidedByName).HasMaxLength(200);
        decision.HasIndex(d => d.CaseId);
        decision.Property(d => d.SignatureKeyId).HasMaxLength(64);
        decision.Property(d => d.SignedPayloadSha256).HasMaxLength(64);
        decision.HasIndex(d => d.SupersedesId).IsUnique();
        decision.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        decision.HasOne<Decision>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        decision.HasMany(d => d.Conditions).WithOne().HasForeignKey(c => c.DecisionId).OnDelete(DeleteBehavior.Cascade);
        decision.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> condition)
    {
        condition.ToTable("DecisionConditions");
        condition.Property(c => c.Text).HasMaxLength(2000);
    }
}

internal sealed class DecisionVersionConfiguration : IEntityTypeConfiguration<DecisionVersion>
{
    public void Configure(EntityTypeBuilder<DecisionVersion> version)
    {
        version.HasKey(v => new { v.DecisionId, v.ProductVersionId });
        version.HasOne<Products.ProductVersion>().WithMany().HasForeignKey(v => v.ProductVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
