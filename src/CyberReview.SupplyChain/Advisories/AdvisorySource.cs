using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// Reads OSV advisories from a file, a folder (recursively) or a zip archive, one record at a time: only the record
/// being read is in memory, so a corpus of any size streams through.
/// </summary>
/// <remarks>
/// Files are taken by extension (<c>.json</c>, <c>.yaml</c>, <c>.yml</c>, <c>.zip</c>) in ordinal path order;
/// hidden files and folders are skipped. Archive entry names are only labels: nothing is ever written to disk.
/// </remarks>
public static class AdvisorySource
{
    private static readonly EnumerationOptions FolderWalk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    /// <summary>Every record under <paramref name="path"/>, lazily, each accepted or with the reasons it was refused.</summary>
    /// <param name="path">A record file, a folder or a zip archive.</param>
    /// <param name="options">How strictly, and within which bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="AdvisoryArchiveException">An archive breaks a bound (thrown while enumerating).</exception>
    public static IEnumerable<AdvisoryReadResult> Read(string path, AdvisoryReadOptions? options = null)
    {
        var resolved = options ?? AdvisoryReadOptions.Default;
        return ReadEntries(Entries(CheckPath(path), resolved), resolved);
    }

    /// <summary>
    /// Every record under <paramref name="path"/>, read asynchronously one at a time; what <see cref="Read"/> gives,
    /// for callers that must not block a thread and may cancel.
    /// </summary>
    /// <param name="path">A record file, a folder or a zip archive.</param>
    /// <param name="options">How strictly, and within which bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading between and within records.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="AdvisoryArchiveException">An archive breaks a bound (thrown while enumerating).</exception>
    public static IAsyncEnumerable<AdvisoryReadResult> ReadAsync(string path, AdvisoryReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var resolved = options ?? AdvisoryReadOptions.Default;
        return ReadEntriesAsync(Entries(CheckPath(path), resolved), resolved, cancellationToken);
    }

    /// <summary>The accepted advisories under <paramref name="path"/>, lazily; refused records are left out.</summary>
    /// <param name="path">A record file, a folder or a zip archive.</param>
    /// <param name="options">How strictly, and within which bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    public static IEnumerable<Advisory> ReadAccepted(string path, AdvisoryReadOptions? options = null) =>
        Read(path, options).Where(result => result.IsAccepted).Select(result => result.Advisory!);

    private static string CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new FileNotFoundException($"No advisory file or folder at '{path}'.", path);
        return path;
    }

    private static IEnumerable<AdvisoryReadResult> ReadEntries(IEnumerable<RecordEntry> entries, AdvisoryReadOptions options)
    {
        foreach (var entry in entries)
        {
            AdvisoryReadResult result;
            using (var stream = entry.Open())
            {
                var bounded = new BoundedReadStream(stream, entry.Limit, entry.Exceeded);
                result = OsvReader.Read(bounded, entry.Source, entry.InArchive ? options with { MaxRecordBytes = long.MaxValue } : options);
                entry.BytesRead = bounded.BytesRead;
            }
            yield return result;
        }
    }

    private static async IAsyncEnumerable<AdvisoryReadResult> ReadEntriesAsync(
        IEnumerable<RecordEntry> entries, AdvisoryReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AdvisoryReadResult result;
            var stream = entry.Open();
            await using (stream.ConfigureAwait(false))
            {
                var bounded = new BoundedReadStream(stream, entry.Limit, entry.Exceeded);
                result = await OsvReader.ReadAsync(bounded, entry.Source, entry.InArchive ? options with { MaxRecordBytes = long.MaxValue } : options, cancellationToken).ConfigureAwait(false);
                entry.BytesRead = bounded.BytesRead;
            }
            yield return result;
        }
    }

    private static IEnumerable<RecordEntry> Entries(string path, AdvisoryReadOptions options)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", FolderWalk).Where(IsAdvisoryFile).Order(StringComparer.Ordinal).ToList()
            : [path];
        foreach (var file in files)
        {
            if (IsZip(file))
            {
                foreach (var entry in ArchiveEntries(file, options))
                    yield return entry;
            }
            else
            {
                // The record bound of a plain file is applied by the reader, which refuses the record instead of throwing.
                yield return new RecordEntry(file, () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous), long.MaxValue, () => new InvalidOperationException(), InArchive: false);
            }
        }
    }

    private static bool IsAdvisoryFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".json" or ".yaml" or ".yml" or ".zip";

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static IEnumerable<RecordEntry> ArchiveEntries(string path, AdvisoryReadOptions options)
    {
        using var archive = ZipFile.OpenRead(path);
        if (archive.Entries.Count > options.MaxArchiveEntries)
            throw new AdvisoryArchiveException($"'{path}' lists {archive.Entries.Count} entries, more than the {options.MaxArchiveEntries} allowed.");

        long expanded = 0;
        foreach (var zipEntry in archive.Entries)
        {
            var name = zipEntry.FullName;
            if (name.EndsWith('/'))
                continue;
            if (Path.IsPathRooted(name) || name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Contains(".."))
                throw new AdvisoryArchiveException($"'{path}' has an entry named outside the archive: '{name}'.");
            if (!IsAdvisoryFile(name))
                continue;

            var source = $"{path}!{name}";
            // The sizes in the archive's directory can lie; the bounds are applied to the bytes actually inflated.
            var byRatio = Math.Max(zipEntry.CompressedLength, 1) * options.MaxCompressionRatio;
            var budget = options.MaxArchiveExpandedBytes - expanded;
            var limit = Math.Min(Math.Min(byRatio, budget), options.MaxRecordBytes);
            var entry = new RecordEntry(source, zipEntry.Open, limit, () => new AdvisoryArchiveException(
                limit == byRatio ? $"'{source}' expands more than {options.MaxCompressionRatio} times its compressed size."
                : limit == budget ? $"'{path}' expands to more than {options.MaxArchiveExpandedBytes} bytes."
                : $"'{source}' is larger than {options.MaxRecordBytes} bytes."), InArchive: true);
            yield return entry;
            expanded += entry.BytesRead;
        }
    }

    /// <summary>One record to read: where it is, how to open it, and how many bytes may come out of it.</summary>
    private sealed record RecordEntry(string Source, Func<Stream> Open, long Limit, Func<Exception> Exceeded, bool InArchive)
    {
        /// <summary>Set by the reader once read, so that an archive counts what its entries really expanded to.</summary>
        public long BytesRead { get; set; }
    }
}
