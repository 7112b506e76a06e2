namespace CyberReview.SupplyChain.Advisories;

/// <summary>Reads through to an inner stream and throws once more than a fixed number of bytes came out of it.</summary>
internal sealed class BoundedReadStream(Stream inner, long limit, Func<Exception> exceeded) : Stream
{
    private long _read;

    public long BytesRead => _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the limit so that an exact fit is told apart from an overflow.
        var allowed = (int)Math.Min(buffer.Length, Math.Min(limit - _read, int.MaxValue - 1) + 1);
        var count = inner.Read(buffer[..allowed]);
        _read += count;
        if (_read > limit)
            throw exceeded();
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = (int)Math.Min(buffer.Length, Math.Min(limit - _read, int.MaxValue - 1) + 1);
        var count = await inner.ReadAsync(buffer[..allowed], cancellationToken).ConfigureAwait(false);
        _read += count;
        if (_read > limit)
            throw exceeded();
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
