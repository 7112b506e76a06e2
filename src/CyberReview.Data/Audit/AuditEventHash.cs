using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CyberReview.Data.Audit;

/// <summary>
/// The hash of an event: SHA-256 over a canonical byte serialization of every field and the previous event's hash.
/// The serialization is fixed here and documented so that anyone can re-compute it: a version tag, then each field
/// in order, integers big-endian, absent values as 0x00 and present ones as 0x01 followed by the value, strings as
/// a 4-byte big-endian length and UTF-8, ids as 16 bytes in RFC 9562 order, the time as microseconds since 1970 UTC.
/// </summary>
public static class AuditEventHash
{
    public const int Size = 32;

    private static readonly byte[] Tag = "cyberreview/audit-event/v1\n"u8.ToArray();

    /// <summary>The genesis link: what the first event names as its previous hash.</summary>
    public static byte[] Genesis => new byte[Size];

    public static byte[] Compute(AuditEvent e) => Compute(e, e.Sequence);

    /// <summary>The hash the event would have at another sequence number (to tell a moved event from an altered one).</summary>
    public static byte[] Compute(AuditEvent e, long sequence)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream(256);
        buffer.Write(Tag);
        Int64(buffer, sequence);
        Int64(buffer, Microseconds(e.At));
        Id(buffer, e.ActorId);
        Id(buffer, e.TokenId);
        Text(buffer, e.Action);
        Id(buffer, e.CaseId);
        Text(buffer, e.ObjectKind);
        Id(buffer, e.ObjectId);
        Text(buffer, e.Outcome.ToString());
        Text(buffer, e.ClientAddress);
        Text(buffer, e.Purpose);
        buffer.WriteByte(e.BreakGlass ? (byte)1 : (byte)0);
        buffer.Write(e.PreviousHash);
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>
    /// A time as the trail keeps it: UTC, whole milliseconds, which both engines store exactly (PostgreSQL keeps
    /// microseconds; the SQLite context's binary DateTimeOffset keeps units of 100 microseconds).
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset time) =>
        DateTimeOffset.UnixEpoch.AddTicks((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);

    private static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static void Int64(Stream buffer, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        buffer.Write(bytes);
    }

    private static void Id(Stream buffer, Guid? id)
    {
        if (id is not { } value)
        {
            buffer.WriteByte(0);
            return;
        }
        buffer.WriteByte(1);
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        buffer.Write(bytes);
    }

    private static void Text(Stream buffer, string? text)
    {
        if (text is null)
        {
            buffer.WriteByte(0);
            return;
        }
        buffer.WriteByte(1);
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
