using System.Globalization;
using System.Text;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// A tile of a C2SP tlog-tiles log (c2sp.org/tlog-tiles): a level of hashes (or the entry bundles, <see cref="IsEntries"/>),
/// the tile's index in that level, and its width (256 for a full tile, 1 to 255 for a partial one).
/// </summary>
/// <param name="Level">The tile level: tile level L holds the hashes of tree level 8·L. 0 for entry bundles.</param>
/// <param name="Index">The tile's index within its level.</param>
/// <param name="Width">How many hashes (or entries) the tile holds.</param>
/// <param name="IsEntries">Whether this is an entry bundle rather than a tile of hashes.</param>
public readonly record struct TilePath(int Level, ulong Index, int Width, bool IsEntries = false)
{
    /// <summary>The tree levels one tile spans.</summary>
    public const int Height = 8;

    /// <summary>The hashes (or entries) of a full tile.</summary>
    public const int FullWidth = 1 << Height;

    /// <summary>The highest tile level a 64-bit tree can have.</summary>
    public const int MaxLevel = 63;

    /// <summary>Whether the tile is partial: the rightmost tile of its level while the tree fills it.</summary>
    public bool IsPartial => Width < FullWidth;

    /// <summary>The path below the log's prefix: <c>tile/L/N[.p/W]</c> or <c>tile/entries/N[.p/W]</c>.</summary>
    /// <returns>The canonical path.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("tile/");
        text.Append(IsEntries ? "entries" : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
        // N in groups of three digits, most significant first; every group but the last carries an "x".
        var groups = new List<string>();
        var rest = Index;
        do
        {
            groups.Add((rest % 1000).ToString("D3", CultureInfo.InvariantCulture));
            rest /= 1000;
        }
        while (rest > 0);
        for (var i = groups.Count - 1; i >= 0; i--)
            text.Append(i > 0 ? "x" : "").Append(groups[i]).Append(i > 0 ? "/" : "");
        if (IsPartial)
            text.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>
    /// Reads a path below <c>tile/</c> (for example <c>0/x001/234.p/7</c> or <c>entries/000</c>). Only the canonical
    /// form is accepted (the one <see cref="ToString"/> writes): no leading zeros in L or W, three digits per group.
    /// </summary>
    /// <param name="path">The path after <c>tile/</c>.</param>
    /// <param name="tile">The tile when this returns true.</param>
    /// <returns>Whether the path names a tile.</returns>
    public static bool TryParse(string? path, out TilePath tile)
    {
        tile = default;
        if (string.IsNullOrEmpty(path) || path.Length > 128)
            return false;
        var segments = path.Split('/');
        if (segments.Length < 2)
            return false;
        var entries = segments[0] == "entries";
        var level = 0;
        if (!entries && !TryNumber(segments[0], out level, MaxLevel))
            return false;
        var width = FullWidth;
        var last = segments.Length - 1;
        if (segments[last - 1].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryNumber(segments[last], out width, FullWidth - 1) || width == 0)
                return false;
            segments[last - 1] = segments[last - 1][..^2];
            last--;
        }
        var index = 0UL;
        for (var i = 1; i <= last; i++)
        {
            var group = segments[i];
            if (i < last)
            {
                if (!group.StartsWith('x'))
                    return false;
                group = group[1..];
            }
            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
                return false;
            var value = ulong.Parse(group, CultureInfo.InvariantCulture);
            if (index > (ulong.MaxValue - value) / 1000)
                return false;
            index = index * 1000 + value;
        }
        var parsed = new TilePath(level, index, width, entries);
        // Groups of "000" in front would name the same tile twice; only the canonical path is the tile's.
        if (parsed.ToString() != "tile/" + path)
            return false;
        tile = parsed;
        return true;
    }

    private static bool TryNumber(string text, out int value, int max)
    {
        value = 0;
        return text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }
}
