using System.Buffers.Binary;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// The entries of one entry-bundle tile (c2sp.org/tlog-tiles): each entry a big-endian 16-bit length, then its bytes.
/// </summary>
public static class EntryBundle
{
    /// <summary>The longest entry a bundle can hold.</summary>
    public const int MaxEntryLength = ushort.MaxValue;

    /// <summary>Writes the entries as one bundle.</summary>
    /// <param name="entries">The entries, in log order.</param>
    /// <returns>The bundle's bytes.</returns>
    /// <exception cref="ArgumentException">An entry is longer than <see cref="MaxEntryLength"/>.</exception>
    public static byte[] Encode(IEnumerable<byte[]> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var bundle = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
                throw new ArgumentException($"An entry of {entry.Length} bytes does not fit a bundle.", nameof(entries));
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)entry.Length);
            bundle.Write(length);
            bundle.Write(entry);
        }
        return bundle.ToArray();
    }

    /// <summary>Reads a bundle's entries; null when the bytes are not a bundle (a length runs past the end).</summary>
    /// <param name="bundle">The bundle's bytes.</param>
    /// <returns>The entries, or null.</returns>
    public static IReadOnlyList<byte[]>? TryDecode(ReadOnlySpan<byte> bundle)
    {
        var entries = new List<byte[]>();
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
                return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
                return null;
            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }
        return entries;
    }
}
