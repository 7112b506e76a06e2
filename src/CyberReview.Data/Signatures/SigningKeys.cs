using System.Security.Cryptography;
using CyberReview.Reviews.Signatures;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Signatures;

/// <summary>
/// The organisations' signing keys: one in use per organisation, created on its first signature; rotation retires it
/// and creates the next, and retired keys stay published so that what they signed still verifies. Private keys leave
/// this class only as Data Protection ciphertext, and are never logged.
/// </summary>
public sealed class SigningKeys(ReviewDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    // Changing this string would make every stored private key unreadable: it names the purpose, not a version of the code.
    private const string Purpose = "CyberReview.Signatures.PrivateKey";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>Signs a document with its organisation's key in use, creating the key on first use (saved with the caller's transaction).</summary>
    public async Task<(string KeyId, byte[] Signature, string PayloadSha256)> SignAsync(SignedDocument document, CancellationToken cancellationToken)
    {
        var key = await InUseAsync(document.SigningOrganisationId, cancellationToken) ?? Create(document.SigningOrganisationId);
        var payload = document.CanonicalBytes();
        using var ecdsa = ECDsa.Create();
        var privateKey = Protector.Unprotect(key.ProtectedPrivateKey);
        try
        {
            ecdsa.ImportPkcs8PrivateKey(privateKey, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
        return (key.KeyId, SignatureScheme.Sign(ecdsa, payload), SignatureScheme.DigestOf(payload));
    }

    /// <summary>
    /// Retires the organisation's key in use, if any, and creates the next. Two steps, each saved: the one-key-in-use
    /// index refuses them together, and between them the organisation merely has no key, which its next signature makes.
    /// </summary>
    public async Task<SigningKey> RotateAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        if (await InUseAsync(organisationId, cancellationToken) is { } current)
        {
            current.RetiredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        var next = Create(organisationId);
        await db.SaveChangesAsync(cancellationToken);
        return next;
    }

    /// <summary>Every key's public half, for verifying: in use and retired alike.</summary>
    public async Task<IReadOnlyList<PublishedKey>> PublishedAsync(string keyId, CancellationToken cancellationToken) =>
        [.. (await db.SigningKeys.AsNoTracking().Where(k => k.KeyId == keyId).ToListAsync(cancellationToken))
            .Select(k => new PublishedKey(k.KeyId, k.OrganisationId, k.SubjectPublicKeyInfo, k.CreatedAt, k.RetiredAt))];

    /// <summary>The published list: organisation, dates and public key of every key; nothing private.</summary>
    public async Task<KeyList> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await db.SigningKeys.AsNoTracking()
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new { k.KeyId, k.OrganisationId, Organisation = o.Name, k.CreatedAt, k.RetiredAt, k.SubjectPublicKeyInfo })
            .ToListAsync(cancellationToken);
        return new KeyList([.. keys.OrderBy(k => k.Organisation, StringComparer.Ordinal).ThenBy(k => k.CreatedAt)
            .Select(k => new KeyListing(k.KeyId, k.OrganisationId, k.Organisation, SignatureScheme.Algorithm, k.CreatedAt, k.RetiredAt, Convert.ToBase64String(k.SubjectPublicKeyInfo)))]);
    }

    private async Task<SigningKey?> InUseAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.SigningKeys.Local.FirstOrDefault(k => k.OrganisationId == organisationId && k.RetiredAt is null)
        ?? await db.SigningKeys.SingleOrDefaultAsync(k => k.OrganisationId == organisationId && k.RetiredAt == null, cancellationToken);

    private SigningKey Create(Guid organisationId)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ecdsa.ExportSubjectPublicKeyInfo();
        var privateKey = ecdsa.ExportPkcs8PrivateKey();
        try
        {
            var now = clock.GetUtcNow();
            var key = new SigningKey
            {
                Id = Guid.CreateVersion7(now),
                KeyId = SignatureScheme.KeyIdOf(spki),
                OrganisationId = organisationId,
                SubjectPublicKeyInfo = spki,
                ProtectedPrivateKey = Protector.Protect(privateKey),
                CreatedAt = now,
            };
            db.SigningKeys.Add(key);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
