using CyberReview.Data.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Signatures;

/// <summary>
/// An organisation's ECDSA P-256 signing key. The private key is kept only as Data Protection ciphertext; the public
/// key (SubjectPublicKeyInfo) is published. A rotated key is retired, not deleted: what it signed still verifies.
/// </summary>
public sealed class SigningKey
{
    public Guid Id { get; set; }

    /// <summary>The SHA-256 of the SubjectPublicKeyInfo, 64 lower-case hexadecimal digits.</summary>
    public required string KeyId { get; set; }
    public Guid OrganisationId { get; set; }
    public required byte[] SubjectPublicKeyInfo { get; set; }

    /// <summary>The PKCS #8 private key, protected with the installation's Data Protection keys.</summary>
    public required byte[] ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a newer key took over; a retired key signs nothing more.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.Property(k => k.KeyId).HasMaxLength(64);
        key.HasIndex(k => k.KeyId).IsUnique();
        // One key in use per organisation: two first signatures at once cannot both create one.
        key.HasIndex(k => k.OrganisationId).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
        key.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
