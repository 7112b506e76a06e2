using CyberReview.Reviews.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Commitments;

/// <summary>
/// A commitment the office asks of the provider in a case, and the provider's signature under its exact text:
/// the signature records a SHA-256 of the text signed, so the text can never silently change afterwards.
/// </summary>
public sealed class Commitment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public CommitmentKind Kind { get; set; }
    public required string Text { get; set; }
    public Guid RequestedById { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public Guid? SignedById { get; set; }
    public string? SignedByName { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public byte[]? SignedTextHash { get; set; }
}

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> commitment)
    {
        commitment.Property(c => c.Text).HasMaxLength(4000);
        commitment.Property(c => c.SignedByName).HasMaxLength(200);
        commitment.Property(c => c.SignedTextHash).HasMaxLength(32);
        commitment.HasIndex(c => c.CaseId);
        commitment.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
