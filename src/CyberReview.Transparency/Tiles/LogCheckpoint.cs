using System.Globalization;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// The body of a C2SP checkpoint (c2sp.org/tlog-checkpoint): the log's origin, its size and its root, one per line,
/// as it is signed in a signed note. Extension lines after the root are kept but not interpreted.
/// </summary>
/// <param name="Origin">The log's name, unique to it.</param>
/// <param name="Size">How many entries the tree holds.</param>
/// <param name="Root">The tree's root hash.</param>
public sealed record LogCheckpoint(string Origin, ulong Size, MerkleHash Root)
{
    /// <summary>The note text: origin, size, base64 root, each ending with a newline.</summary>
    /// <returns>The text to sign.</returns>
    public string ToText() => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root.ToArray())}\n";

    /// <summary>Reads a checkpoint's text (the signed part of the note); null when it is not one.</summary>
    /// <param name="text">The note text, ending with a newline.</param>
    /// <returns>The checkpoint, or null.</returns>
    public static LogCheckpoint? TryParse(string? text)
    {
        if (text is null || !text.EndsWith('\n'))
            return null;
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0
            || !ulong.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != lines[1])
            return null;
        Span<byte> root = stackalloc byte[MerkleHash.Size + 3];
        if (!Convert.TryFromBase64String(lines[2], root, out var written) || written != MerkleHash.Size)
            return null;
        return new LogCheckpoint(lines[0], size, new MerkleHash(root[..MerkleHash.Size]));
    }
}
