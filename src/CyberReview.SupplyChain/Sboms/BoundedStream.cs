namespace CyberReview.SupplyChain.Sboms;

/// <summary>
/// A read-only stream that first returns bytes already read for sniffing, then the rest of an inner stream,
/// and refuses to go past a byte limit (which also bounds what a gzip stream may inflate to). Disposing it leaves
/// the inner stream open: the caller of <see cref="SbomReader.Read(Stream, SbomReadOptions?)"/> owns that one.
/// </summary>
internal sealed class BoundedStream(Stream inner, ReadOnlyMemory<byte> prefix, long limit) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (!_prefix.IsEmpty)
        {
            n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
        }
        else
        {
            n = inner.Read(buffer);
        }
        _read += n;
        if (_read > limit)
            throw new SbomFormatException(SbomRefusal.TooLarge, $"The document is larger than the limit of {limit:N0} bytes (after decompression).");
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
