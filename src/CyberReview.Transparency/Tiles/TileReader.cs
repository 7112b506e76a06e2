using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// The hashes of a tree of a known size, read from its tiles wherever they are (a server, a folder): asks for the
/// tile each hash is in — full, or partial at the width the size gives — and keeps the tiles it read. Nothing read
/// is trusted: callers check what they compute from it against a signed checkpoint.
/// </summary>
/// <param name="fetch">Gets a tile by its path (<see cref="TilePath.ToString"/>); null when there is none.</param>
/// <param name="size">The size of the tree whose tiles these are.</param>
public sealed class TileReader(Func<string, CancellationToken, ValueTask<byte[]?>> fetch, ulong size) : ITileHashes
{
    private readonly Dictionary<TilePath, byte[]> _tiles = [];

    /// <summary>The size of the tree read.</summary>
    public ulong Size => size;

    /// <inheritdoc/>
    /// <exception cref="TileException">A tile is missing or not a whole number of hashes of the expected width.</exception>
    public async ValueTask<IReadOnlyList<MerkleHash>> ReadAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken)
    {
        var levelSize = tileLevel * TilePath.Height >= 64 ? 0 : size >> (tileLevel * TilePath.Height);
        if (first + (ulong)count > levelSize)
            throw new TileException($"A tree of {size} leaves holds {levelSize} hashes at tile level {tileLevel}, not {first + (ulong)count}.");
        var hashes = new List<MerkleHash>(count);
        for (var index = first; index < first + (ulong)count; index++)
        {
            var tile = await TileAsync(Of(tileLevel, index / TilePath.FullWidth, false), cancellationToken);
            hashes.Add(new MerkleHash(tile.AsSpan((int)(index % TilePath.FullWidth) * MerkleHash.Size, MerkleHash.Size)));
        }
        return hashes;
    }

    /// <summary>The entries of entry bundle <paramref name="index"/> (leaves 256·index onward).</summary>
    /// <param name="index">The bundle's index.</param>
    /// <param name="cancellationToken">Stops the fetch.</param>
    /// <returns>The bundle's entries.</returns>
    /// <exception cref="TileException">The bundle is missing, or does not hold the entries the size gives it.</exception>
    public async ValueTask<IReadOnlyList<byte[]>> EntriesAsync(ulong index, CancellationToken cancellationToken)
    {
        var path = Of(0, index, true);
        var entries = EntryBundle.TryDecode(await FetchAsync(path, cancellationToken));
        if (entries is null || entries.Count != path.Width)
            throw new TileException($"{path} does not hold {path.Width} entries.");
        return entries;
    }

    private TilePath Of(int tileLevel, ulong tileIndex, bool entries)
    {
        var levelSize = tileLevel * TilePath.Height >= 64 ? 0 : size >> (tileLevel * TilePath.Height);
        var full = levelSize / TilePath.FullWidth;
        if (tileIndex > full || (tileIndex == full && levelSize % TilePath.FullWidth == 0))
            throw new TileException($"A tree of {size} leaves has no tile {tileIndex} at level {tileLevel}.");
        var width = tileIndex < full ? TilePath.FullWidth : (int)(levelSize % TilePath.FullWidth);
        return new TilePath(tileLevel, tileIndex, width, entries);
    }

    private async ValueTask<byte[]> TileAsync(TilePath path, CancellationToken cancellationToken)
    {
        if (_tiles.TryGetValue(path, out var cached))
            return cached;
        var tile = await FetchAsync(path, cancellationToken);
        if (tile.Length != path.Width * MerkleHash.Size)
            throw new TileException($"{path} is {tile.Length} bytes, not {path.Width} hashes of {MerkleHash.Size} bytes.");
        _tiles[path] = tile;
        return tile;
    }

    private async ValueTask<byte[]> FetchAsync(TilePath path, CancellationToken cancellationToken) =>
        await fetch(path.ToString(), cancellationToken) ?? throw new TileException($"{path} is missing.");
}

/// <summary>A tile that is missing or malformed.</summary>
public sealed class TileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TileException()
    {
    }

    /// <summary>Creates the exception with a message saying which tile and what is wrong with it.</summary>
    /// <param name="message">The message.</param>
    public TileException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TileException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
