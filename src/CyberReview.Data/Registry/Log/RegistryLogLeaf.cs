using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Registry.Log;

/// <summary>
/// One leaf of the registry's transparency log: the change numbered <see cref="Index"/> + 1, written in the transaction
/// of the change itself. <see cref="Data"/> is what the log publishes (the entry bundles serve it); <see cref="Hash"/> is
/// its RFC 9162 leaf hash (the level-0 tiles serve it).
/// <para>
/// Visibility: the log covers every change, but a leaf must not tell the public what a non-public result says. A change
/// to a public result is published whole (<see cref="Data"/> is <see cref="Record"/>); for any other result the leaf
/// publishes only a salted commitment, SHA-256(<see cref="Salt"/> ‖ <see cref="Record"/>), and the record (kept only
/// for these leaves) and salt are
/// shown only to those who may see the result, who can check them against the leaf. The salt keeps a guessable record
/// (a product name, a date, an outcome) from being confirmed by hashing guesses.
/// </para>
/// </summary>
public sealed class RegistryLogLeaf
{
    /// <summary>The leaf's index in the log: the change's sequence − 1.</summary>
    public long Index { get; set; }

    /// <summary>The registry change this leaf records. Unique, but no foreign key: the log must also be able to hold a leaf the registry did not write, so that a broken log refuses appends rather than repairing itself.</summary>
    public Guid ChangeId { get; set; }

    /// <summary>The leaf's bytes: the record (public results) or the commitment to it (all others), canonical JSON. At most 65,535 bytes (an entry bundle's limit).</summary>
    public required byte[] Data { get; set; }

    /// <summary>SHA-256(0x00 ‖ <see cref="Data"/>).</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>The full record, canonical JSON, when the leaf is a commitment to it; null when the leaf is the record.</summary>
    public byte[]? Record { get; set; }

    /// <summary>The commitment's salt (32 random bytes); null when the leaf is the record itself.</summary>
    public byte[]? Salt { get; set; }

    /// <summary>The log's root once this leaf was appended; kept for the last leaf of each append, which the checkpoint reads.</summary>
    public byte[]? Root { get; set; }
}

/// <summary>A hash of tree level 8·<see cref="Level"/> (level 1 and up; level 0 is the leaves' own hash), as its tile serves it.</summary>
public sealed class RegistryLogHash
{
    public int Level { get; set; }
    public long Index { get; set; }
    public required byte[] Hash { get; set; }
}

internal sealed class RegistryLogLeafConfiguration : IEntityTypeConfiguration<RegistryLogLeaf>
{
    public void Configure(EntityTypeBuilder<RegistryLogLeaf> leaf)
    {
        leaf.HasKey(l => l.Index);
        leaf.Property(l => l.Index).ValueGeneratedNever();
        leaf.HasIndex(l => l.ChangeId).IsUnique();
        leaf.Property(l => l.Data).HasMaxLength(65535);
        leaf.Property(l => l.Hash).HasMaxLength(32);
        leaf.Property(l => l.Salt).HasMaxLength(32);
        leaf.Property(l => l.Root).HasMaxLength(32);
    }
}

internal sealed class RegistryLogHashConfiguration : IEntityTypeConfiguration<RegistryLogHash>
{
    public void Configure(EntityTypeBuilder<RegistryLogHash> hash)
    {
        hash.HasKey(h => new { h.Level, h.Index });
        hash.Property(h => h.Hash).HasMaxLength(32);
    }
}
