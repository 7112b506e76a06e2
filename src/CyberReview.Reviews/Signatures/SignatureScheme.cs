using System.Security.Cryptography;

namespace CyberReview.Reviews.Signatures;

/// <summary>A public key as published: its id, the organisation that holds it, and its SubjectPublicKeyInfo (DER).</summary>
public sealed record PublishedKey(string KeyId, Guid OrganisationId, byte[] SubjectPublicKeyInfo, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

/// <summary>Why a signature does not verify.</summary>
public enum SignatureFailure
{
    NoSignature,
    UnknownKey,
    KeyIdMismatch,
    UnreadableKey,
    WrongOrganisation,
    BadSignature,
    UnreadablePayload,
}

/// <summary>The outcome of checking a signature: verified with a key, or not, and why.</summary>
public abstract record SignatureCheck
{
    private SignatureCheck() { }

    public sealed record Verified(string KeyId) : SignatureCheck;

    public sealed record NotVerified(SignatureFailure Reason) : SignatureCheck;
}

/// <summary>
/// How CyberReview signs: ECDSA on the NIST P-256 curve with SHA-256 ("ES256"), over the document's canonical bytes;
/// the signature is in the IEEE P1363 form (r and s, 32 bytes each, 64 in all), as JOSE uses it. A key's id is the
/// SHA-256 of its SubjectPublicKeyInfo in lower-case hex, so anyone can recompute it from the published key.
/// </summary>
public static class SignatureScheme
{
    public const string Algorithm = "ES256";

    public static string KeyIdOf(byte[] subjectPublicKeyInfo) => Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));

    public static string DigestOf(byte[] payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    public static byte[] Sign(ECDsa key, byte[] payload) => key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>
    /// Checks a signature over <paramref name="payload"/> with the key named <paramref name="keyId"/> among
    /// <paramref name="keys"/>; the key must be the one its id names and belong to <paramref name="organisationId"/>,
    /// the organisation the document names as its signer. A retired key still verifies what it signed.
    /// </summary>
    public static SignatureCheck Verify(byte[] payload, byte[]? signature, string? keyId, Guid organisationId, IEnumerable<PublishedKey> keys)
    {
        if (signature is null || keyId is null)
            return new SignatureCheck.NotVerified(SignatureFailure.NoSignature);
        var key = keys.FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.OrdinalIgnoreCase));
        if (key is null)
            return new SignatureCheck.NotVerified(SignatureFailure.UnknownKey);
        if (!string.Equals(KeyIdOf(key.SubjectPublicKeyInfo), keyId, StringComparison.OrdinalIgnoreCase))
            return new SignatureCheck.NotVerified(SignatureFailure.KeyIdMismatch);
        if (key.OrganisationId != organisationId)
            return new SignatureCheck.NotVerified(SignatureFailure.WrongOrganisation);
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo, out _);
        }
        catch (CryptographicException)
        {
            return new SignatureCheck.NotVerified(SignatureFailure.UnreadableKey);
        }
        return ecdsa.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? new SignatureCheck.Verified(key.KeyId)
            : new SignatureCheck.NotVerified(SignatureFailure.BadSignature);
    }
}

/// <summary>A public key as listed at /api/v1/keys: the SubjectPublicKeyInfo in base64, never anything private.</summary>
public sealed record KeyListing(string KeyId, Guid OrganisationId, string Organisation, string Algorithm, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, string PublicKey)
{
    public PublishedKey ToPublished() => new(KeyId, OrganisationId, Convert.FromBase64String(PublicKey), CreatedAt, RetiredAt);
}

/// <summary>Every signing key of an installation, in use and retired: what <c>cyberreview verify</c> reads.</summary>
public sealed record KeyList(IReadOnlyList<KeyListing> Keys);
