using System.Text;

namespace CyberReview.SupplyChain.Tests.Sboms;

/// <summary>
/// A CycloneDX 1.6 JSON document generated while it is read (never held whole): a header, <c>count</c> npm
/// components of about 400 bytes each, a dependency chain through them, and the closing brackets.
/// </summary>
internal sealed class SyntheticBom(int count) : Stream
{
    private readonly IEnumerator<byte[]> _parts = Parts(count).GetEnumerator();
    private byte[] _current = [];
    private int _offset;

    public long Produced { get; private set; }

    public override int Read(byte[] buffer, int offset, int length)
    {
        while (_offset == _current.Length)
        {
            if (!_parts.MoveNext())
                return 0;
            _current = _parts.Current;
            _offset = 0;
        }
        var n = Math.Min(length, _current.Length - _offset);
        Array.Copy(_current, _offset, buffer, offset, n);
        _offset += n;
        Produced += n;
        return n;
    }

    private static IEnumerable<byte[]> Parts(int count)
    {
        yield return Encoding.UTF8.GetBytes("""{"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,"components":[""");
        for (var i = 0; i < count; i++)
        {
            yield return Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + $$$"""
                {"type":"library","bom-ref":"c{{{i}}}","name":"package-{{{i}}}","version":"1.{{{i % 100}}}.0","purl":"pkg:npm/package-{{{i}}}@1.{{{i % 100}}}.0",
                 "supplier":{"name":"Supplier {{{i % 7}}}"},"licenses":[{"license":{"id":"MIT"}}],
                 "hashes":[{"alg":"SHA-256","content":"f498a8ff2dd007e29c2074f5e4b01a9a01775c3ff3aeaf6906ea503bc5791b7b"}]}
                """);
        }
        yield return "],\"dependencies\":["u8.ToArray();
        for (var i = 0; i < count; i++)
            yield return Encoding.UTF8.GetBytes((i == 0 ? "" : ",") + "{\"ref\":\"c" + i + (i + 1 < count ? "\",\"dependsOn\":[\"c" + (i + 1) + "\"]}" : "\"}"));
        yield return "]}"u8.ToArray();
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
