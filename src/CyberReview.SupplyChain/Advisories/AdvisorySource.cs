using System.IO.Compression;

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
    /// <param name="options">The bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="AdvisoryArchiveException">An archive breaks a bound (thrown while enumerating).</exception>
    public static IEnumerable<AdvisoryReadResult> Read(string path, AdvisoryReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= AdvisoryReadOptions.Default;
        if (Directory.Exists(path))
            return ReadFolder(path, options);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No advisory file or folder at '{path}'.", path);
        return ReadFile(path, options);
    }

    /// <summary>The accepted advisories under <paramref name="path"/>, lazily; refused records are left out.</summary>
    /// <param name="path">A record file, a folder or a zip archive.</param>
    /// <param name="options">The bounds; <see cref="AdvisoryReadOptions.Default"/> when null.</param>
    public static IEnumerable<Advisory> ReadAccepted(string path, AdvisoryReadOptions? options = null) =>
        Read(path, options).Where(result => result.IsAccepted).Select(result => result.Advisory!);

    private static IEnumerable<AdvisoryReadResult> ReadFolder(string folder, AdvisoryReadOptions options)
    {
        var files = Directory.EnumerateFiles(folder, "*", FolderWalk).Where(IsAdvisoryFile).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            foreach (var result in ReadFile(file, options))
                yield return result;
        }
    }

    private static bool IsAdvisoryFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".json" or ".yaml" or ".yml" or ".zip";

    private static IEnumerable<AdvisoryReadResult> ReadFile(string path, AdvisoryReadOptions options)
    {
        if (IsZip(path))
        {
            foreach (var result in ReadArchive(path, options))
                yield return result;
            yield break;
        }

        AdvisoryReadResult single;
        using (var stream = File.OpenRead(path))
            single = OsvReader.Read(stream, path, options);
        yield return single;
    }

    private static bool IsZip(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PK\u0003\u0004"u8);
    }

    private static IEnumerable<AdvisoryReadResult> ReadArchive(string path, AdvisoryReadOptions options)
    {
        using var archive = ZipFile.OpenRead(path);
        if (archive.Entries.Count > options.MaxArchiveEntries)
            throw new AdvisoryArchiveException($"'{path}' lists {archive.Entries.Count} entries, more than the {options.MaxArchiveEntries} allowed.");

        long expanded = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith('/'))
                continue;
            if (Path.IsPathRooted(name) || name.Contains('\\', StringComparison.Ordinal) || name.Split('/').Contains(".."))
                throw new AdvisoryArchiveException($"'{path}' has an entry named outside the archive: '{name}'.");
            if (!IsAdvisoryFile(name))
                continue;

            var source = $"{path}!{name}";
            // The sizes in the archive's directory can lie; the bounds are applied to the bytes actually inflated.
            var byRatio = Math.Max(entry.CompressedLength, 1) * options.MaxCompressionRatio;
            var budget = options.MaxArchiveExpandedBytes - expanded;
            var limit = Math.Min(Math.Min(byRatio, budget), options.MaxRecordBytes);
            AdvisoryReadResult result;
            using (var inflated = entry.Open())
            {
                var bounded = new BoundedReadStream(inflated, limit, () => new AdvisoryArchiveException(
                    limit == byRatio ? $"'{source}' expands more than {options.MaxCompressionRatio} times its compressed size."
                    : limit == budget ? $"'{path}' expands to more than {options.MaxArchiveExpandedBytes} bytes."
                    : $"'{source}' is larger than {options.MaxRecordBytes} bytes."));
                result = OsvReader.Read(bounded, source, options with { MaxRecordBytes = long.MaxValue });
                expanded += bounded.BytesRead;
            }
            yield return result;
        }
    }
}
