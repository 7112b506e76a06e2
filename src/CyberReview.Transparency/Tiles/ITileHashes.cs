using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tiles;

/// <summary>
/// Where a tiled log's hashes are read from: a table, a folder of tiles, or a server. Only the hashes tiles hold are
/// asked for — tree levels 0, 8, 16, … — and every other node is computed from them.
/// </summary>
public interface ITileHashes
{
    /// <summary>The hashes of tree level 8·<paramref name="tileLevel"/>, from index <paramref name="first"/> on.</summary>
    /// <param name="tileLevel">The tile level.</param>
    /// <param name="first">The index of the first hash within its tree level.</param>
    /// <param name="count">How many hashes; all of them exist in the tree the caller works on.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>Exactly <paramref name="count"/> hashes, in order.</returns>
    ValueTask<IReadOnlyList<MerkleHash>> ReadAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken);
}
