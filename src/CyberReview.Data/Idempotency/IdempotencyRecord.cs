using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Idempotency;

/// <summary>
/// A POST that created something under a client's Idempotency-Key: a retry with the same key gets the
/// same resource instead of a second one.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public Guid ResourceId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => new { r.UserId, r.Operation, r.Key });
        record.Property(r => r.Key).HasMaxLength(100);
        record.Property(r => r.Operation).HasMaxLength(64);
    }
}
