using System.Security.Cryptography;

namespace CyberReview.Data.Evidence;

/// <summary>
/// The key that wraps every file's data key. The default holds a 256-bit key from configuration; an HSM or a KMS
/// can stand in, since the vault never sees more than wrapped keys and this interface.
/// </summary>
public interface IKeyEncryptionKey
{
    /// <summary>Names the key, stored beside each wrapped key so that a rotation knows which key wrapped what.</summary>
    string KeyId { get; }

    /// <summary>Wraps a data key, binding <paramref name="context"/> (the case and attachment) into it.</summary>
    ValueTask<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken);

    /// <summary>
    /// Unwraps a data key wrapped with the same <paramref name="context"/>.
    /// Throws <see cref="EvidenceIntegrityException"/> when the wrapped key was altered or belongs to another context.
    /// </summary>
    ValueTask<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrappedKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken);
}

/// <summary>A stored file or its wrapped key does not verify: altered, truncated, or moved from elsewhere.</summary>
public sealed class EvidenceIntegrityException : Exception
{
    public EvidenceIntegrityException() { }

    public EvidenceIntegrityException(string message) : base(message) { }

    public EvidenceIntegrityException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// A key-encryption key held in memory: AES-256-GCM over the data key, with the context as associated data.
/// A wrapped key is version (1) | nonce (12) | encrypted key (32) | tag (16).
/// </summary>
public sealed class LocalKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly AesGcm _aes;

    public LocalKeyEncryptionKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
            throw new ArgumentException("A key-encryption key has 32 bytes (AES-256).", nameof(key));
        _aes = new AesGcm(key, TagSize);
        // The id names the key without revealing it: the first bytes of a hash of it.
        KeyId = "local:" + Convert.ToHexStringLower(SHA256.HashData(key)[..8]);
    }

    public string KeyId { get; }

    public ValueTask<byte[]> WrapAsync(ReadOnlyMemory<byte> dataKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken)
    {
        var wrapped = new byte[1 + NonceSize + dataKey.Length + TagSize];
        wrapped[0] = Version;
        var nonce = wrapped.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, dataKey.Span, wrapped.AsSpan(1 + NonceSize, dataKey.Length), wrapped.AsSpan(1 + NonceSize + dataKey.Length, TagSize), context.Span);
        return ValueTask.FromResult(wrapped);
    }

    public ValueTask<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrappedKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken)
    {
        var wrapped = wrappedKey.Span;
        if (wrapped.Length != 1 + NonceSize + 32 + TagSize || wrapped[0] != Version)
            throw new EvidenceIntegrityException("The wrapped data key is malformed.");
        var key = new byte[32];
        try
        {
            _aes.Decrypt(wrapped.Slice(1, NonceSize), wrapped.Slice(1 + NonceSize, 32), wrapped.Slice(1 + NonceSize + 32, TagSize), key, context.Span);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new EvidenceIntegrityException("The wrapped data key does not verify for this case and attachment.", e);
        }
        return ValueTask.FromResult(key);
    }

    public void Dispose() => _aes.Dispose();
}
