using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CyberReview.Data.Evidence;

/// <summary>
/// The vault's file format: a header (magic, 8-byte random nonce prefix), then the plaintext in 64 KiB segments,
/// each sealed with AES-256-GCM under the file's data key. A segment's nonce is the prefix and its index; its
/// associated data binds the case, the attachment and whether it is the last segment. Reordering, dropping or
/// appending segments, truncating the file, or moving it to another case or attachment makes a segment fail.
/// </summary>
internal static class SegmentedGcm
{
    public const int PlainSegmentSize = 64 * 1024;
    public const int TagSize = 16;
    public const int SealedSegmentSize = PlainSegmentSize + TagSize;
    public const int NoncePrefixSize = 8;
    private static readonly byte[] Magic = "CRVAULT1"u8.ToArray();
    public static readonly int HeaderSize = Magic.Length + NoncePrefixSize;

    public static byte[] Header(ReadOnlySpan<byte> noncePrefix) => [.. Magic, .. noncePrefix];

    /// <summary>The nonce prefix of a header; throws when it is not one of ours.</summary>
    public static byte[] ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..Magic.Length].SequenceEqual(Magic))
            throw new EvidenceIntegrityException("The stored file is not a vault file.");
        return header.Slice(Magic.Length, NoncePrefixSize).ToArray();
    }

    public static void Nonce(ReadOnlySpan<byte> prefix, uint index, Span<byte> nonce)
    {
        prefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], index);
    }

    public static byte[] AssociatedData(EvidenceBinding binding, bool final) => [.. binding.Bytes, final ? (byte)1 : (byte)0];
}

/// <summary>What a file is bound to: a case and an attachment in it.</summary>
public sealed record EvidenceBinding(Guid CaseId, Guid AttachmentId)
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("cyberreview-evidence-v1");

    public byte[] Bytes => [.. Domain, .. CaseId.ToByteArray(bigEndian: true), .. AttachmentId.ToByteArray(bigEndian: true)];
}

/// <summary>Seals plaintext written to it into the vault format, segment by segment, onto <c>output</c>.</summary>
internal sealed class SegmentSealer : IDisposable
{
    private readonly AesGcm _aes;
    private readonly byte[] _prefix = RandomNumberGenerator.GetBytes(SegmentedGcm.NoncePrefixSize);
    private readonly EvidenceBinding _binding;
    private readonly Stream _output;
    private readonly IncrementalHash _ciphertextHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _plain = new byte[SegmentedGcm.PlainSegmentSize];
    private readonly byte[] _sealed = new byte[SegmentedGcm.SealedSegmentSize];
    private int _filled;
    private uint _index;
    private bool _headerWritten;

    public SegmentSealer(ReadOnlySpan<byte> dataKey, EvidenceBinding binding, Stream output)
    {
        _aes = new AesGcm(dataKey, SegmentedGcm.TagSize);
        _binding = binding;
        _output = output;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken)
    {
        await EnsureHeaderAsync(cancellationToken);
        while (!plaintext.IsEmpty)
        {
            // A full segment is sealed only once more data arrives, so the last one is always known to be last.
            if (_filled == _plain.Length)
                await SealAsync(final: false, cancellationToken);
            var take = Math.Min(plaintext.Length, _plain.Length - _filled);
            plaintext[..take].CopyTo(_plain.AsMemory(_filled));
            _filled += take;
            plaintext = plaintext[take..];
        }
    }

    /// <summary>Seals the last segment; returns the SHA-256 of everything written, which names the blob.</summary>
    public async ValueTask<string> CompleteAsync(CancellationToken cancellationToken)
    {
        await EnsureHeaderAsync(cancellationToken);
        await SealAsync(final: true, cancellationToken);
        await _output.FlushAsync(cancellationToken);
        return Convert.ToHexStringLower(_ciphertextHash.GetHashAndReset());
    }

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (_headerWritten)
            return;
        _headerWritten = true;
        await EmitAsync(SegmentedGcm.Header(_prefix), cancellationToken);
    }

    private async ValueTask SealAsync(bool final, CancellationToken cancellationToken)
    {
        Span<byte> nonce = stackalloc byte[12];
        SegmentedGcm.Nonce(_prefix, _index, nonce);
        _aes.Encrypt(nonce, _plain.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _sealed.AsSpan(_filled, SegmentedGcm.TagSize), SegmentedGcm.AssociatedData(_binding, final));
        await EmitAsync(_sealed.AsMemory(0, _filled + SegmentedGcm.TagSize), cancellationToken);
        _index = checked(_index + 1);
        _filled = 0;
    }

    private async ValueTask EmitAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _ciphertextHash.AppendData(bytes.Span);
        await _output.WriteAsync(bytes, cancellationToken);
    }

    public void Dispose()
    {
        _aes.Dispose();
        _ciphertextHash.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
    }
}

/// <summary>
/// Reads a vault file as its plaintext, seekable (an archive's directory sits at its end). Each segment is
/// authenticated before any of its bytes are returned; one that does not verify throws
/// <see cref="EvidenceIntegrityException"/>, so unauthenticated plaintext never leaves this stream.
/// </summary>
public sealed class EvidenceStream : Stream
{
    private readonly Stream _file;
    private readonly AesGcm _aes;
    private readonly EvidenceBinding _binding;
    private readonly byte[] _prefix;
    private readonly long _segments;
    private readonly int _lastSealedSize;
    private readonly byte[] _sealed = new byte[SegmentedGcm.SealedSegmentSize];
    private readonly byte[] _plain = new byte[SegmentedGcm.PlainSegmentSize];
    private long _loadedSegment = -1;
    private int _loadedLength;
    private long _position;

    private EvidenceStream(Stream file, ReadOnlySpan<byte> dataKey, EvidenceBinding binding, byte[] prefix, long segments, int lastSealedSize)
    {
        _file = file;
        _aes = new AesGcm(dataKey, SegmentedGcm.TagSize);
        _binding = binding;
        _prefix = prefix;
        _segments = segments;
        _lastSealedSize = lastSealedSize;
        Length = (segments - 1) * SegmentedGcm.PlainSegmentSize + lastSealedSize - SegmentedGcm.TagSize;
    }

    /// <summary>Opens <paramref name="file"/> (seekable); takes ownership of it.</summary>
    public static EvidenceStream Open(Stream file, ReadOnlySpan<byte> dataKey, EvidenceBinding binding)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            Span<byte> header = stackalloc byte[SegmentedGcm.HeaderSize];
            file.Position = 0;
            file.ReadExactly(header);
            var prefix = SegmentedGcm.ReadHeader(header);
            var body = file.Length - SegmentedGcm.HeaderSize;
            if (body < SegmentedGcm.TagSize)
                throw new EvidenceIntegrityException("The stored file is truncated.");
            var segments = (body + SegmentedGcm.SealedSegmentSize - 1) / SegmentedGcm.SealedSegmentSize;
            var last = (int)(body - (segments - 1) * SegmentedGcm.SealedSegmentSize);
            if (last < SegmentedGcm.TagSize)
                throw new EvidenceIntegrityException("The stored file is truncated.");
            return new EvidenceStream(file, dataKey, binding, prefix, segments, last);
        }
        catch (Exception e) when (e is EndOfStreamException or EvidenceIntegrityException)
        {
            file.Dispose();
            throw e as EvidenceIntegrityException ?? new EvidenceIntegrityException("The stored file is truncated.", e);
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length { get; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Reads and verifies every segment: whether the whole file is intact, without handing any of it out.</summary>
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        for (long segment = 0; segment < _segments; segment++)
            await LoadAsync(segment, cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
            return 0;
        var segment = _position / SegmentedGcm.PlainSegmentSize;
        if (segment != _loadedSegment)
        {
            var size = SealedSize(segment);
            _file.Position = SegmentedGcm.HeaderSize + segment * SegmentedGcm.SealedSegmentSize;
            _file.ReadExactly(_sealed.AsSpan(0, size));
            Decrypt(segment, size);
        }
        return CopyOut(buffer, segment);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= Length || buffer.IsEmpty)
            return 0;
        var segment = _position / SegmentedGcm.PlainSegmentSize;
        await LoadAsync(segment, cancellationToken);
        return CopyOut(buffer.Span, segment);
    }

    private async ValueTask LoadAsync(long segment, CancellationToken cancellationToken)
    {
        if (segment == _loadedSegment)
            return;
        var size = SealedSize(segment);
        _file.Position = SegmentedGcm.HeaderSize + segment * SegmentedGcm.SealedSegmentSize;
        await _file.ReadExactlyAsync(_sealed.AsMemory(0, size), cancellationToken);
        Decrypt(segment, size);
    }

    private int SealedSize(long segment) => segment == _segments - 1 ? _lastSealedSize : SegmentedGcm.SealedSegmentSize;

    private void Decrypt(long segment, int sealedSize)
    {
        _loadedSegment = -1;
        var plainSize = sealedSize - SegmentedGcm.TagSize;
        Span<byte> nonce = stackalloc byte[12];
        SegmentedGcm.Nonce(_prefix, checked((uint)segment), nonce);
        try
        {
            _aes.Decrypt(nonce, _sealed.AsSpan(0, plainSize), _sealed.AsSpan(plainSize, SegmentedGcm.TagSize), _plain.AsSpan(0, plainSize),
                SegmentedGcm.AssociatedData(_binding, segment == _segments - 1));
        }
        catch (AuthenticationTagMismatchException e)
        {
            CryptographicOperations.ZeroMemory(_plain);
            throw new EvidenceIntegrityException($"Segment {segment} of the stored file does not verify: the file was altered, truncated or moved.", e);
        }
        _loadedSegment = segment;
        _loadedLength = plainSize;
    }

    private int CopyOut(Span<byte> buffer, long segment)
    {
        var within = (int)(_position - segment * SegmentedGcm.PlainSegmentSize);
        var count = Math.Min(buffer.Length, _loadedLength - within);
        _plain.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _aes.Dispose();
            CryptographicOperations.ZeroMemory(_plain);
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync();
        _aes.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
