using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;
using CyberReview.Transparency.Tiles;

namespace CyberReview.Transparency.Tests.Tiles;

/// <summary>The tiled log against the in-memory definitions: roots, proofs and the tiles it would serve.</summary>
public sealed class TileAppenderTests
{
    /// <summary>A tile store in memory: level 0 from the leaves, the levels above from what the appender hands out.</summary>
    private sealed class Store : ITileHashes
    {
        public List<MerkleHash> Leaves { get; } = [];
        public Dictionary<(int, ulong), MerkleHash> Above { get; } = [];

        public ValueTask<IReadOnlyList<MerkleHash>> ReadAsync(int tileLevel, ulong first, int count, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<MerkleHash>>([.. Enumerable.Range(0, count).Select(i => tileLevel == 0 ? Leaves[(int)first + i] : Above[(tileLevel, first + (ulong)i)])]);

        public async Task<TileAppender> AppendAsync(IEnumerable<MerkleHash> leaves)
        {
            var appender = await TileAppender.OpenAsync(this, (ulong)Leaves.Count, CancellationToken.None);
            var stored = new List<TileHash>();
            var batch = leaves.ToArray();
            appender.Append(batch, stored);
            Leaves.AddRange(batch);
            foreach (var hash in stored)
                Assert.True(Above.TryAdd((hash.TileLevel, hash.Index), hash.Hash), $"{hash.TileLevel}/{hash.Index} stored twice");
            return appender;
        }
    }

    private static MerkleHash Leaf(int i) => MerkleHash.OfLeaf(BitConverter.GetBytes(i));

    [Theory]
    [InlineData(new[] { 1, 1, 1, 300 })]
    [InlineData(new[] { 255, 1, 256, 1 })]
    [InlineData(new[] { 70000 })]
    [InlineData(new[] { 65535, 1, 2 })]
    public async Task Batches_of_appends_give_the_roots_and_proofs_of_the_whole_tree(int[] batches)
    {
        var store = new Store();
        var all = new List<MerkleHash>();
        foreach (var count in batches)
        {
            var batch = Enumerable.Range(all.Count, count).Select(Leaf).ToList();
            all.AddRange(batch);
            var appender = await store.AppendAsync(batch);
            Assert.Equal((ulong)all.Count, appender.Size);
            Assert.Equal(MerkleTree.ComputeRoot([.. all]), appender.Root);
            Assert.Equal(appender.Root, (await TiledTree.RangeAsync(store, (ulong)all.Count, CancellationToken.None)).Root);
        }
        // Only whole tiles move up a level: one hash per 256 below.
        Assert.Equal(all.Count / 256 + all.Count / 65536, store.Above.Count);
        var size = (ulong)all.Count;
        var root = MerkleTree.ComputeRoot([.. all]);
        foreach (var index in new ulong[] { 0, 1, 255, 256, size / 2, size - 1 }.Where(i => i < size))
        {
            var proof = await TiledTree.InclusionAsync(store, index, size, CancellationToken.None);
            Assert.Equal(InclusionProof.FromLeaves([.. all], index), proof);
            proof.Verify(all[(int)index], root);
        }
        foreach (var first in new ulong[] { 1, 255, 256, 257, size / 3, size }.Where(s => s is > 0 && s <= size))
        {
            var proof = await TiledTree.ConsistencyAsync(store, first, size, CancellationToken.None);
            Assert.Equal(ConsistencyProof.FromLeaves([.. all], first), proof);
        }
    }

    [Fact]
    public async Task A_tile_reader_over_the_served_tiles_gives_the_same_tree()
    {
        var store = new Store();
        var all = Enumerable.Range(0, 70_000).Select(Leaf).ToList();
        await store.AppendAsync(all);
        var size = (ulong)all.Count;
        var fetched = new List<string>();
        var reader = new TileReader(async (path, cancellationToken) =>
        {
            fetched.Add(path);
            Assert.True(TilePath.TryParse(path["tile/".Length..], out var tile));
            var hashes = await store.ReadAsync(tile.Level, tile.Index * 256, tile.Width, cancellationToken);
            return [.. hashes.SelectMany(h => h.ToArray())];
        }, size);

        Assert.Equal(MerkleTree.ComputeRoot([.. all]), (await TiledTree.RangeAsync(reader, size, CancellationToken.None)).Root);
        // 70,000 = 273·256 + 112: the rightmost level-0 tile is partial, 112 wide; level 1 holds 273 hashes, its second tile 17 wide.
        Assert.Contains("tile/0/273.p/112", fetched);
        Assert.Contains("tile/1/001.p/17", fetched);
        Assert.Contains("tile/2/000.p/1", fetched);
        await Assert.ThrowsAsync<TileException>(async () => await reader.ReadAsync(0, size, 1, CancellationToken.None));
    }
}
