using CyberReview.Reviews.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Registry;

/// <summary>What happened to a registry entry.</summary>
public enum RegistryChangeKind
{
    Published,
    Suspended,
    Reinstated,
    Revoked,
    Expired,
    Superseded,
}

/// <summary>Which workflow moves change the registry.</summary>
public static class RegistryChangeKinds
{
    /// <summary>The change a workflow move (a <see cref="CaseAction"/> name) makes to the registry, if it makes one.</summary>
    public static RegistryChangeKind? Of(string action) => action switch
    {
        nameof(CaseAction.Publish) => RegistryChangeKind.Published,
        nameof(CaseAction.Suspend) => RegistryChangeKind.Suspended,
        nameof(CaseAction.Reinstate) => RegistryChangeKind.Reinstated,
        nameof(CaseAction.Revoke) => RegistryChangeKind.Revoked,
        nameof(CaseAction.Expire) => RegistryChangeKind.Expired,
        nameof(CaseAction.Supersede) => RegistryChangeKind.Superseded,
        _ => null,
    };
}

/// <summary>
/// One line of the registry's change log, written in the same transaction as the case move that caused it.
/// <see cref="Sequence"/> is the feed's cursor: gapless, increasing, and in commit order (see RegistryChanges in the web
/// project for how that is kept under concurrency).
/// </summary>
public sealed class RegistryChange
{
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public Guid EntryId { get; set; }
    public RegistryChangeKind Kind { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The reason the office gave for a suspension, reinstatement or revocation; published with the change.</summary>
    public string? Reason { get; set; }

    /// <summary>The entry's status once the change took effect.</summary>
    public CaseState StatusAfter { get; set; }
}

internal sealed class RegistryChangeConfiguration : IEntityTypeConfiguration<RegistryChange>
{
    public void Configure(EntityTypeBuilder<RegistryChange> change)
    {
        change.Property(c => c.Reason).HasMaxLength(8000);
        // The unique index is what keeps the sequence gapless and in commit order: two writers taking the same number collide, and the loser renumbers.
        change.HasIndex(c => c.Sequence).IsUnique();
        change.HasIndex(c => c.EntryId);
        change.HasOne<RegistryEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
