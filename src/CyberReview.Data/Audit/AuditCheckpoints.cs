using System.Globalization;
using CyberReview.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Audit;

/// <summary>
/// The signed checkpoints, one file per tree size, in a folder apart from the database: whoever can rewrite the
/// database cannot also rewrite what the trail was committed to. Several instances may write the same size; the
/// first file stays.
/// </summary>
public static class AuditCheckpoints
{
    private const string Prefix = "checkpoint-";
    private const string Extension = ".txt";

    // Each checkpoint keeps the compact range of its tree beside it (log2 n hashes), so that the next one reads only
    // the events appended since. A range is trusted only when it still gives its signed checkpoint's root; otherwise
    // the tree is rebuilt from the first event.
    private static CompactRange Resume(string directory, CheckpointVerifier key, long size)
    {
        foreach (var (_, note) in Read(directory).Reverse())
        {
            if (key.Open(note) is not { } text || AuditCheckpoint.TryParse(text) is not { } previous || previous.Size > size)
                continue;
            var file = RangeFile(directory, previous.Size);
            if (!File.Exists(file))
                continue;
            try
            {
                var hashes = File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => new MerkleHash(Convert.FromBase64String(l))).ToArray();
                var range = CompactRange.Restore((ulong)previous.Size, hashes);
                if (range.Root == previous.Root)
                    return range;
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // A damaged range file: fall back to an older one, or to the whole trail.
            }
        }
        return CompactRange.Empty;
    }

    private static string RangeFile(string directory, long size) =>
        Path.Combine(directory, "range-" + size.ToString("D19", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The checkpoint files, by tree size, as stored (not yet verified).</summary>
    public static IReadOnlyList<(string File, string Note)> Read(string directory) =>
        !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, Prefix + "*" + Extension)
                .Order(StringComparer.Ordinal)
                .Select(file => (file, File.ReadAllText(file)))];

    /// <summary>
    /// Commits every event appended so far: computes the Merkle root over their hashes, streamed in sequence
    /// order, and writes the signed checkpoint. Nothing is written when the last checkpoint already covers the trail.
    /// </summary>
    /// <returns>The checkpoint covering the whole trail, new or not; null while the trail is empty.</returns>
    public static async Task<AuditCheckpoint?> WriteAsync(ReviewDbContext db, CheckpointSigner signer, string directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(clock);
        // The head commits with its events, so every event up to it is visible.
        var size = await db.AuditHeads.AsNoTracking().Where(h => h.Id == AuditHead.TheOne).Select(h => h.Sequence).SingleAsync(cancellationToken);
        if (size == 0)
            return null;
        var file = Path.Combine(directory, Prefix + size.ToString("D19", CultureInfo.InvariantCulture) + Extension);
        if (File.Exists(file) && signer.Verifier.Open(await File.ReadAllTextAsync(file, cancellationToken)) is { } existing)
            return AuditCheckpoint.TryParse(existing);
        var range = Resume(directory, signer.Verifier, size);
        var from = (long)range.Size;
        await foreach (var hash in db.AuditEvents.AsNoTracking().Where(e => e.Sequence > from && e.Sequence <= size).OrderBy(e => e.Sequence).Select(e => e.Hash).AsAsyncEnumerable().WithCancellation(cancellationToken))
            range = range.Append(MerkleHash.OfLeaf(hash));
        if ((long)range.Size != size)
            throw new InvalidOperationException($"The trail's head counts {size} events but {range.Size} are stored; run `cyberreview audit verify`.");
        var checkpoint = new AuditCheckpoint(signer.Name, size, range.Root, clock.GetUtcNow());
        Directory.CreateDirectory(directory);
        await File.WriteAllLinesAsync(RangeFile(directory, size), range.Hashes.Select(h => Convert.ToBase64String(h.ToArray())), cancellationToken);
        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, signer.Sign(checkpoint.ToText()), cancellationToken);
        try
        {
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }
        return checkpoint;
    }
}
