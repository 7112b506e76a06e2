using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tiles;

/// <summary>A hash a tiled log stores: tree level 8·<paramref name="TileLevel"/>, at <paramref name="Index"/> within it.</summary>
/// <param name="TileLevel">The tile level.</param>
/// <param name="Index">The hash's index within its tree level.</param>
/// <param name="Hash">The hash.</param>
public readonly record struct TileHash(int TileLevel, ulong Index, MerkleHash Hash);

/// <summary>
/// Appends leaves to a tiled log: keeps the rightmost (partial) tile of each level in memory, and when a tile fills,
/// hands out its root as the next hash of the level above. So each leaf costs one stored hash plus, once every 256
/// leaves, one more; and the root is read from the compact range, not from the leaves.
/// </summary>
public sealed class TileAppender
{
    private readonly List<List<MerkleHash>> _tails;
    private CompactRange _range;

    private TileAppender(CompactRange range, List<List<MerkleHash>> tails)
    {
        _range = range;
        _tails = tails;
    }

    /// <summary>How many leaves the log holds.</summary>
    public ulong Size => _range.Size;

    /// <summary>The root of the log as it stands.</summary>
    public MerkleHash Root => _range.Root;

    /// <summary>Picks up a log of <paramref name="size"/> leaves: reads the partial tile of each level and its compact range.</summary>
    /// <param name="hashes">Where the log's hashes are.</param>
    /// <param name="size">The log's size.</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    /// <returns>The appender.</returns>
    public static async ValueTask<TileAppender> OpenAsync(ITileHashes hashes, ulong size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var tails = new List<List<MerkleHash>>();
        for (var level = 0; level == 0 || (level < 64 / TilePath.Height && size >> (TilePath.Height * level) > 0); level++)
        {
            var count = size >> (TilePath.Height * level);
            var partial = (int)(count % TilePath.FullWidth);
            tails.Add(partial == 0 ? [] : [.. await hashes.ReadAsync(level, count - (ulong)partial, partial, cancellationToken)]);
        }
        var range = await TiledTree.RangeAsync(new Tails(tails, size), size, cancellationToken);
        return new TileAppender(range, tails);
    }

    /// <summary>Appends leaves in order; adds to <paramref name="stored"/> every hash of tile level 1 and above the appends complete.</summary>
    /// <param name="leafHashes">The new leaves' hashes (the level-0 hashes, which the caller stores with its leaves).</param>
    /// <param name="stored">Receives the higher-level hashes to store.</param>
    public void Append(ReadOnlySpan<MerkleHash> leafHashes, ICollection<TileHash> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var size = _range.Size;
        foreach (var leaf in leafHashes)
        {
            size++;
            _tails[0].Add(leaf);
            for (var level = 0; _tails[level].Count == TilePath.FullWidth; level++)
            {
                var root = MerkleTree.ComputeRoot(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tails[level]));
                _tails[level].Clear();
                if (_tails.Count == level + 1)
                    _tails.Add([]);
                _tails[level + 1].Add(root);
                stored.Add(new TileHash(level + 1, (size >> (TilePath.Height * (level + 1))) - 1, root));
            }
        }
        _range = _range.AppendRange(leafHashes);
    }

    // The partial tiles, read as a tree of the given size, to restore the compact range from.
    private sealed class Tails(List<List<MerkleHash>> tails, ulong size) : ITileHashes
    {
        public ValueTask<IReadOnlyList<MerkleHash>> ReadAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken)
        {
            var levelSize = size >> (TilePath.Height * tileLevel);
            var start = levelSize - (ulong)tails[tileLevel].Count;
            return ValueTask.FromResult<IReadOnlyList<MerkleHash>>(tails[tileLevel].GetRange((int)(first - start), count));
        }
    }
}
