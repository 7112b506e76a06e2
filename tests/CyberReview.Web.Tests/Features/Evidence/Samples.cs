using System.IO.Compression;
using System.Text;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>Files to upload: of each accepted kind, and each abuse the vault must refuse.</summary>
internal static class Samples
{
    public static byte[] Pdf(int size = 4096)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Text(int size) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Port 8443 answers with a fixed banner; 测试记录。\n", size / 40 + 1)))[..size];

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A docx-like archive: a few small XML parts.</summary>
    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", Text(5000)));

    /// <summary>One entry of zeros that expands about a thousand times.</summary>
    public static byte[] ZipBomb() => Zip(("zeros.bin", new byte[20 * 1024 * 1024]));

    public static byte[] ZipWithEntries(int count) => Zip([.. Enumerable.Range(0, count).Select(i => ($"e{i}", Array.Empty<byte>()))]);

    public static byte[] ZipSlip(string name = "../../etc/cron.d/evil") => Zip(("report.txt", "fine"u8.ToArray()), (name, "* * * * * root sh"u8.ToArray()));

    public static byte[] XmlWithExternalEntity() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<bom>&x;</bom>\n");

    public static byte[] XmlBillionLaughs() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<lolz>&lol3;</lolz>\n");

    public static byte[] CycloneDxXml() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\" version=\"1\"><components><component type=\"library\"><name>openssl</name><version>3.0.13</version></component></components></bom>\n");

    /// <summary>A Windows executable's start: no accepted kind.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];
}

/// <summary>A stream of zeros of a given length that does not say how long it is (like a chunked request body).</summary>
internal sealed class UnknownLengthStream(long length, byte fill = (byte)'a') : Stream
{
    private long _left = length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, _left);
        buffer.AsSpan(offset, n).Fill(fill);
        _left -= n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
