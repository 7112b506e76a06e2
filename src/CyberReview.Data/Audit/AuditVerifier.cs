using CyberReview.Transparency.Merkle;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Audit;

/// <summary>What is wrong with the trail at the first place it does not verify.</summary>
public enum AuditFault
{
    /// <summary>The event's fields no longer give its hash.</summary>
    Altered,
    /// <summary>An event is missing: a gap in the sequence, or fewer events than the head or a checkpoint counts.</summary>
    Missing,
    /// <summary>The event was written at another sequence number.</summary>
    Reordered,
    /// <summary>The event does not name the event before it as its predecessor.</summary>
    ChainBreak,
    /// <summary>A checkpoint's root does not match the trail: events it covers were rewritten since.</summary>
    CheckpointMismatch,
    /// <summary>A checkpoint file does not verify under the log's key, or cannot be read.</summary>
    CheckpointInvalid,
}

/// <summary>The verifier's answer: how far the trail verified, and the first fault if any.</summary>
public sealed record AuditVerification(long Events, int Checkpoints, AuditFault? Fault, long? Sequence, string? Reason)
{
    public bool Verified => Fault is null;
}

/// <summary>
/// Re-checks the whole trail: reads it in sequence order (streamed), re-computes every event's hash and link,
/// checks that no number is missing, rebuilds the Merkle root at each checkpoint's size and checks it and its
/// signature. Stops at the first event that does not verify and names it.
/// </summary>
public static class AuditVerifier
{
    // How far a moved event is looked for, to tell "reordered" from "altered".
    private const int ReorderWindow = 64;

    public static async Task<AuditVerification> VerifyAsync(ReviewDbContext db, string checkpointDirectory, CheckpointVerifier? key, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkpoints = new List<AuditCheckpoint>();
        foreach (var (file, note) in AuditCheckpoints.Read(checkpointDirectory))
        {
            if (key is null)
                return new(0, 0, AuditFault.CheckpointInvalid, null, $"Checkpoint {Path.GetFileName(file)} cannot be checked: no public key of the log is known.");
            if (key.Open(note) is not { } text || AuditCheckpoint.TryParse(text) is not { } checkpoint || checkpoint.Origin != key.Name)
                return new(0, 0, AuditFault.CheckpointInvalid, null, $"Checkpoint {Path.GetFileName(file)} does not verify under the log's key {key}: it was altered or is not this log's.");
            checkpoints.Add(checkpoint);
        }
        checkpoints.Sort((a, b) => a.Size.CompareTo(b.Size));

        // The head commits with its events: everything up to it is there to check, and appends made meanwhile are left for next time.
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == AuditHead.TheOne, cancellationToken);
        var expected = 1L;
        var previous = AuditEventHash.Genesis;
        var range = CompactRange.Empty;
        var next = 0;
        var committed = 0L;
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.Sequence <= head.Sequence).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var s = e.Sequence;
            if (s != expected)
                return Fail(AuditFault.Missing, expected, s > expected
                    ? $"Event {expected} is missing: the next stored event is {s}."
                    : $"Event {s} is stored twice or out of order.");
            if (!AuditEventHash.Compute(e).AsSpan().SequenceEqual(e.Hash))
            {
                for (var c = Math.Max(1, s - ReorderWindow); c <= s + ReorderWindow; c++)
                {
                    if (c != s && AuditEventHash.Compute(e, c).AsSpan().SequenceEqual(e.Hash))
                        return Fail(AuditFault.Reordered, s, $"Event {s} was written as event {c}: events were reordered.");
                }
                return Fail(AuditFault.Altered, s, $"Event {s} does not match its hash: a field was changed after it was written.");
            }
            if (!e.PreviousHash.AsSpan().SequenceEqual(previous))
                return Fail(AuditFault.ChainBreak, s, $"Event {s} does not follow event {s - 1}: its link names another predecessor.");
            previous = e.Hash;
            range = range.Append(MerkleHash.OfLeaf(e.Hash));
            for (; next < checkpoints.Count && checkpoints[next].Size <= s; next++)
            {
                var checkpoint = checkpoints[next];
                if (checkpoint.Size < s)
                    continue;
                if (range.Root != checkpoint.Root)
                    return Fail(AuditFault.CheckpointMismatch, committed + 1,
                        $"The checkpoint of {checkpoint.Size} events does not match the trail: events {committed + 1} to {checkpoint.Size} were rewritten since it was signed.");
                committed = checkpoint.Size;
            }
            expected++;
            if ((s & 0xFFFF) == 0)
                progress?.Report(s);
        }
        var count = expected - 1;
        if (next < checkpoints.Count && checkpoints[^1].Size > count)
            return Fail(AuditFault.Missing, count + 1, $"The checkpoint of {checkpoints[^1].Size} events covers events the trail no longer holds: it ends at {count}.");
        if (head.Sequence != count)
            return Fail(AuditFault.Missing, count + 1, $"The trail's head counts {head.Sequence} events but {count} are stored.");
        if (!head.Hash.AsSpan().SequenceEqual(previous))
            return Fail(AuditFault.ChainBreak, count, $"The trail's head does not name event {count} as the last.");
        return new(count, checkpoints.Count, null, null, null);

        AuditVerification Fail(AuditFault fault, long sequence, string reason) => new(expected - 1, next, fault, sequence, reason);
    }
}
