using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Audit;

/// <summary>
/// One read or write of case material, or a refused attempt: who, what, which case and object, when, from
/// where, with what outcome and stated purpose. Events form a hash chain in <see cref="Sequence"/> order; the
/// chain's links are set by <see cref="AuditChain"/> when the event is saved, never by the code that records it.
/// Holds no secrets and no evidence content.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }

    /// <summary>1, 2, 3…: gapless, in the order of appending.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to milliseconds so that both engines store exactly what was hashed.</summary>
    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    /// <summary>The personal access token the request came with, when it came through the API.</summary>
    public Guid? TokenId { get; set; }

    /// <summary>What was done, as <c>area.verb</c>: case.view, case.transition, finding.edit, api.read…</summary>
    public required string Action { get; set; }

    public Guid? CaseId { get; set; }

    /// <summary>What kind of thing within the case: case, finding, report, activity…</summary>
    public string? ObjectKind { get; set; }

    public Guid? ObjectId { get; set; }

    public AuditOutcome Outcome { get; set; }

    public string? ClientAddress { get; set; }

    /// <summary>Why the user said they needed the case, where they had to say it.</summary>
    public string? Purpose { get; set; }

    /// <summary>Office staff reached a case they are not a member of on a stated purpose; the committee reviews these.</summary>
    public bool BreakGlass { get; set; }

    public byte[] PreviousHash { get; set; } = [];

    public byte[] Hash { get; set; } = [];
}

/// <summary>Whether the access was let through or refused.</summary>
public enum AuditOutcome
{
    Allowed,
    Denied,
}

/// <summary>
/// The end of the chain: one row whose update serializes appends, on PostgreSQL by its row lock and on SQLite
/// by the database's single writer, so that sequence numbers stay gapless under concurrency.
/// </summary>
public sealed class AuditHead
{
    public const int TheOne = 1;

    public int Id { get; set; }

    /// <summary>The sequence number of the last event appended; 0 before the first.</summary>
    public long Sequence { get; set; }

    /// <summary>The hash of the last event appended; 32 zero bytes before the first.</summary>
    public byte[] Hash { get; set; } = [];
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("AuditEvents");
        audit.HasIndex(e => e.Sequence).IsUnique();
        audit.HasIndex(e => new { e.CaseId, e.Sequence });
        audit.HasIndex(e => new { e.ActorId, e.Sequence });
        // The break-glass window: has this user stated a purpose for this case lately?
        audit.HasIndex(e => new { e.CaseId, e.ActorId, e.BreakGlass, e.At });
        audit.Property(e => e.Action).HasMaxLength(64);
        audit.Property(e => e.ObjectKind).HasMaxLength(64);
        audit.Property(e => e.ClientAddress).HasMaxLength(64);
        audit.Property(e => e.Purpose).HasMaxLength(AuditLimits.PurposeLength);
        audit.Property(e => e.PreviousHash).HasMaxLength(32);
        audit.Property(e => e.Hash).HasMaxLength(32);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> head)
    {
        head.ToTable("AuditHead");
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.Hash).HasMaxLength(32);
        head.HasData(new AuditHead { Id = AuditHead.TheOne, Sequence = 0, Hash = new byte[32] });
    }
}

/// <summary>Sizes the audit trail holds to.</summary>
public static class AuditLimits
{
    public const int PurposeLength = 500;
}
