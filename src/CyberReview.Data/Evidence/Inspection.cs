using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace CyberReview.Data.Evidence;

/// <summary>Why the vault refuses a file whose kind it accepts.</summary>
public enum UnsafeContent
{
    /// <summary>An archive with more entries than the limit.</summary>
    TooManyEntries,

    /// <summary>An archive that expands to more than the limit.</summary>
    ExpandsTooMuch,

    /// <summary>An archive entry that expands out of all proportion to its compressed size (a zip bomb).</summary>
    ExpansionRatio,

    /// <summary>An archive entry whose name leads out of its folder: "../", an absolute path, a drive letter.</summary>
    PathTraversal,

    /// <summary>An archive that cannot be read.</summary>
    UnreadableArchive,

    /// <summary>XML that declares a document type (entities could reach outside or expand without bound), or is not well-formed.</summary>
    XmlDocumentType,
}

/// <summary>A file the vault refuses to keep, with the archive entry it concerns, if any.</summary>
public sealed record ContentProblem(UnsafeContent Problem, string? Entry = null);

/// <summary>
/// Looks inside what could hurt whoever opens it later. Archives are read from their directory and every entry
/// is decompressed into a scratch buffer, counting, and stopped at the first limit: nothing is extracted to disk.
/// XML is read with document type declarations prohibited, so no entity is ever resolved or expanded.
/// </summary>
internal static class Inspection
{
    // Small entries may compress well (a page of zeros) without being a bomb.
    private const long RatioFloor = 1024 * 1024;

    public static async Task<ContentProblem?> ZipAsync(Stream archive, VaultOptions limits, CancellationToken cancellationToken)
    {
        // The entry count comes from the end record before the directory is read: a directory of millions of
        // entries is refused without building millions of entry objects.
        var declared = DeclaredEntries(archive)?.Entries;
        if (declared is null)
            return new ContentProblem(UnsafeContent.UnreadableArchive);
        if (declared > limits.ZipMaxEntries)
            return new ContentProblem(UnsafeContent.TooManyEntries);
        var maxExpanded = limits.ZipMaxExpandedMegabytes * 1024 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            archive.Position = 0;
            await using var zip = await ZipArchive.CreateAsync(archive, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            if (zip.Entries.Count > limits.ZipMaxEntries)
                return new ContentProblem(UnsafeContent.TooManyEntries);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (LeavesItsFolder(entry.FullName))
                    return new ContentProblem(UnsafeContent.PathTraversal, entry.FullName);
                if (total + entry.Length > maxExpanded)
                    return new ContentProblem(UnsafeContent.ExpandsTooMuch, entry.FullName);
                if (entry.Length > RatioFloor && entry.Length > entry.CompressedLength * limits.ZipMaxRatio)
                    return new ContentProblem(UnsafeContent.ExpansionRatio, entry.FullName);
                total += entry.Length;
            }
            // The sizes above are what the archive claims, and ZipArchive stops inflating an entry at its claimed size: an
            // entry that understates it would pass. Inflate each entry's own bytes to the end of its deflate stream, as a
            // lenient extractor would, and count what really comes out.
            return await ExpandAsync(archive, limits, buffer, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return new ContentProblem(UnsafeContent.UnreadableArchive);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Walks the central directory and inflates every entry from its local header to the real end of its deflate stream,
    /// whatever sizes the headers claim, stopping at the first limit. Sizes that need Zip64 are beyond every upload limit.
    /// </summary>
    private static async Task<ContentProblem?> ExpandAsync(Stream archive, VaultOptions limits, byte[] buffer, CancellationToken cancellationToken)
    {
        if (DeclaredEntries(archive) is not var (entries, directory) || directory < 0)
            return new ContentProblem(UnsafeContent.UnreadableArchive);
        var maxExpanded = limits.ZipMaxExpandedMegabytes * 1024 * 1024;
        var header = new byte[46];
        var local = new byte[30];
        long total = 0;
        var position = directory;
        for (long i = 0; i < entries; i++)
        {
            archive.Position = position;
            archive.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != 0x02014b50)
                return new ContentProblem(UnsafeContent.UnreadableArchive);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(20));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(42));
            var nameBytes = new byte[nameLength];
            archive.ReadExactly(nameBytes);
            var name = System.Text.Encoding.UTF8.GetString(nameBytes);
            position += header.Length + nameLength + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
            if (compressed == uint.MaxValue || offset == uint.MaxValue)
                return new ContentProblem(UnsafeContent.UnreadableArchive, name);
            archive.Position = offset;
            archive.ReadExactly(local);
            if (BinaryPrimitives.ReadUInt32LittleEndian(local) != 0x04034b50)
                return new ContentProblem(UnsafeContent.UnreadableArchive, name);
            archive.Position = offset + local.Length + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
            if (method == 0)
            {
                // Stored: what is there is what comes out.
                total += compressed;
                if (total > maxExpanded)
                    return new ContentProblem(UnsafeContent.ExpandsTooMuch, name);
                continue;
            }
            if (method != 8)
                return new ContentProblem(UnsafeContent.UnreadableArchive, name);
            await using var inflated = new DeflateStream(archive, CompressionMode.Decompress, leaveOpen: true);
            long expanded = 0;
            int read;
            while ((read = await inflated.ReadAsync(buffer, cancellationToken)) > 0)
            {
                expanded += read;
                total += read;
                if (total > maxExpanded)
                    return new ContentProblem(UnsafeContent.ExpandsTooMuch, name);
                if (expanded > RatioFloor && expanded > Math.Max(compressed, 1) * limits.ZipMaxRatio)
                    return new ContentProblem(UnsafeContent.ExpansionRatio, name);
            }
        }
        return null;
    }

    /// <summary>Whether an entry name would, extracted, land outside the folder it is extracted to.</summary>
    public static bool LeavesItsFolder(string name)
    {
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal))
            return true;
        if (name[0] is '/' or '\\' || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0])))
            return true;
        return name.Split('/', '\\').Any(segment => segment == "..");
    }

    /// <summary>The number of entries the archive's end record declares and where its directory starts; null when there is no end record.</summary>
    private static (long Entries, long Directory)? DeclaredEntries(Stream archive)
    {
        const int endRecordSize = 22;
        if (archive.Length < endRecordSize)
            return null;
        var tailLength = (int)Math.Min(archive.Length, endRecordSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        archive.Position = archive.Length - tailLength;
        archive.ReadExactly(tail);
        for (var at = tailLength - endRecordSize; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != 0x06054b50)
                continue;
            var entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
            var directory = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 16));
            if (entries != ushort.MaxValue && directory != uint.MaxValue)
                return (entries, directory);
            // Zip64: the locator just before the end record points at the zip64 end record, which counts in 64 bits.
            if (at < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) != 0x07064b50)
                return null;
            var zip64End = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
            if (zip64End < 0 || zip64End + 56 > archive.Length)
                return null;
            var record = new byte[56];
            archive.Position = zip64End;
            archive.ReadExactly(record);
            return BinaryPrimitives.ReadUInt32LittleEndian(record) == 0x06064b50
                ? (BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48)))
                : null;
        }
        return null;
    }

    public static async Task<ContentProblem?> XmlAsync(Stream document, CancellationToken cancellationToken)
    {
        document.Position = 0;
        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(document, settings);
            while (await reader.ReadAsync())
                cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
        catch (XmlException)
        {
            return new ContentProblem(UnsafeContent.XmlDocumentType);
        }
    }
}
