using System.Globalization;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Data.Audit;

/// <summary>
/// A commitment to the first <see cref="Size"/> events of the trail: the RFC 9162 Merkle root over their hashes
/// (each event's hash is a leaf), as the text of a C2SP tlog checkpoint: origin, size, base64 root, and one
/// extension line with the time it was made.
/// </summary>
public sealed record AuditCheckpoint(string Origin, long Size, MerkleHash Root, DateTimeOffset At)
{
    private const string TimePrefix = "time ";

    public string ToText() =>
        $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Root.ToArray())}\n{TimePrefix}{At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\n";

    /// <summary>Reads a checkpoint's text; null when it is not one.</summary>
    public static AuditCheckpoint? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1] != "" || lines[0].Length == 0)
            return null;
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
            return null;
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!MerkleHash.TryCreate(root, out var hash))
            return null;
        var at = lines.Skip(3).FirstOrDefault(l => l.StartsWith(TimePrefix, StringComparison.Ordinal)) is { } time
            && DateTimeOffset.TryParse(time[TimePrefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : DateTimeOffset.MinValue;
        return new AuditCheckpoint(lines[0], size, hash, at);
    }
}
