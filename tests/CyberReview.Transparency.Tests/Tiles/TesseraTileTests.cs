using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Tiles;

namespace CyberReview.Transparency.Tests.Tiles;

/// <summary>The tile reader and checkpoint format against a log written by Tessera (shared/data/tlog-tiles-tessera).</summary>
public sealed class TesseraTileTests
{
    private static TileReader Reader(ulong size)
    {
        var folder = SharedData.Require("tlog-tiles-tessera/log");
        return new TileReader((path, _) =>
        {
            var file = Path.Combine(folder, path);
            return ValueTask.FromResult(File.Exists(file) ? File.ReadAllBytes(file) : null);
        }, size);
    }

    private static LogCheckpoint Checkpoint(int size)
    {
        var note = File.ReadAllText(Path.Combine(SharedData.Require("tlog-tiles-tessera/log"), $"checkpoint.{size}"));
        return LogCheckpoint.TryParse(note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 1)])!;
    }

    [Fact]
    public async Task The_roots_and_proofs_read_from_its_tiles_match_its_checkpoints()
    {
        var last = Checkpoint(15);
        Assert.Equal(("example.com/log/testdata", 15UL), (last.Origin, last.Size));
        Assert.Equal(last.ToText(), File.ReadAllText(Path.Combine(SharedData.Require("tlog-tiles-tessera/log"), "checkpoint.15")).Split("\n\n")[0] + "\n");
        var reader = Reader(15);
        Assert.Equal(last.Root, (await TiledTree.RangeAsync(reader, 15, CancellationToken.None)).Root);
        var entries = await reader.EntriesAsync(0, CancellationToken.None);
        Assert.Equal("one", System.Text.Encoding.UTF8.GetString(entries[0]));
        for (var size = 1; size <= 15; size++)
        {
            var checkpoint = Checkpoint(size);
            (await TiledTree.ConsistencyAsync(reader, (ulong)size, 15, CancellationToken.None)).Verify(checkpoint.Root, last.Root);
            (await TiledTree.InclusionAsync(reader, (ulong)size - 1, 15, CancellationToken.None)).Verify(MerkleHash.OfLeaf(entries[size - 1]), last.Root);
        }
    }

    [Fact]
    public async Task Its_smaller_trees_read_from_partial_tiles_it_kept()
    {
        // Tessera keeps every partial tile it wrote; a tree of 7 reads tile/0/000.p/7.
        var reader = Reader(7);
        Assert.Equal(Checkpoint(7).Root, (await TiledTree.RangeAsync(reader, 7, CancellationToken.None)).Root);
    }
}
