using System.Buffers.Binary;
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

    /// <summary>
    /// Entries that all share one deflated run of zeros, written byte by byte rather than by compressing gigabytes (the
    /// upload benchmark builds its bombs the same way): 1,024 entries of 10 MiB make 10 GiB from about 10 MiB.
    /// <paramref name="understated"/>: each entry claims to expand only to its compressed size.
    /// </summary>
    public static byte[] ZipOfRepeatedEntry(int entries, int entryBytes, bool understated = false)
    {
        var one = Zip(("e", new byte[entryBytes]));
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(one.AsSpan(14));
        var compressed = BinaryPrimitives.ReadUInt32LittleEndian(one.AsSpan(18));
        var payload = one.AsSpan(30 + BinaryPrimitives.ReadUInt16LittleEndian(one.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(one.AsSpan(28)), (int)compressed).ToArray();
        var declared = understated ? compressed : (uint)entryBytes;
        using var output = new MemoryStream();
        using var writer = new BinaryWriter(output);
        var names = Enumerable.Range(0, entries).Select(i => Encoding.ASCII.GetBytes($"part{i:D5}.bin")).ToArray();
        var offsets = new uint[entries];
        void Shared(byte[] name)
        {
            // version needed, flags, deflate, time, date (1980-01-01), CRC, sizes, name length, extra length
            foreach (var field in new ushort[] { 20, 0, 8, 0, 0x21 })
                writer.Write(field);
            writer.Write(crc);
            writer.Write(compressed);
            writer.Write(declared);
            writer.Write((ushort)name.Length);
            writer.Write((ushort)0);
        }
        for (var i = 0; i < entries; i++)
        {
            offsets[i] = (uint)output.Position;
            writer.Write(0x04034b50u);
            Shared(names[i]);
            writer.Write(names[i]);
            writer.Write(payload);
        }
        var directory = (uint)output.Position;
        for (var i = 0; i < entries; i++)
        {
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            Shared(names[i]);
            foreach (var field in new ushort[] { 0, 0, 0 }) // comment length, disk, internal attributes
                writer.Write(field);
            writer.Write(0u); // external attributes
            writer.Write(offsets[i]);
            writer.Write(names[i]);
        }
        var end = (uint)output.Position;
        writer.Write(0x06054b50u);
        writer.Write(0u);
        writer.Write((ushort)entries);
        writer.Write((ushort)entries);
        writer.Write(end - directory);
        writer.Write(directory);
        writer.Write((ushort)0);
        writer.Flush();
        return output.ToArray();
    }

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
