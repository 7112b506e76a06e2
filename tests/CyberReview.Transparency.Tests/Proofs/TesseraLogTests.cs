using System.Buffers.Binary;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// The library against a real C2SP tlog-tiles log of 15 entries written by Tessera (shared/data/tlog-tiles-tessera):
/// its leaf hashes, the root in each of its 16 checkpoints, and proofs between all of them. Only the
/// checkpoint body is read here; the Ed25519 note signatures are not checked (the BCL has no Ed25519).
/// </summary>
public sealed class TesseraLogTests
{
    private const string Log = "tlog-tiles-tessera/log";
    private const int Entries = 15;

    [Fact]
    public void Leaf_hashes_are_the_logs_level_0_tile()
    {
        var leaves = LeafHashes();
        var tile = File.ReadAllBytes(Path.Combine(SharedData.Require(Log), "tile", "0", "000.p", $"{Entries}"));

        Assert.Equal(Entries * MerkleHash.Size, tile.Length);
        Assert.Equal(Enumerable.Range(0, Entries).Select(i => new MerkleHash(tile.AsSpan(i * MerkleHash.Size, MerkleHash.Size))), leaves);
    }

    [Fact]
    public void Every_checkpoint_root_is_the_root_of_that_many_entries()
    {
        var leaves = LeafHashes();
        var range = CompactRange.Empty;
        for (var size = 0; size <= Entries; size++)
        {
            var (checkpointSize, root) = ReadCheckpoint(size);
            Assert.Equal((ulong)size, checkpointSize);
            Assert.Equal(root, MerkleTree.ComputeRoot(leaves.AsSpan(0, size)));
            Assert.Equal(root, range.Root);
            if (size < Entries)
                range = range.Append(leaves[size]);
        }
    }

    [Fact]
    public void Every_entry_is_provably_in_every_checkpoint_and_every_checkpoint_extends_the_earlier_ones()
    {
        var leaves = LeafHashes();
        var roots = Enumerable.Range(0, Entries + 1).Select(size => ReadCheckpoint(size).Root).ToArray();
        for (var size = 1; size <= Entries; size++)
        {
            var tree = leaves.AsSpan(0, size);
            for (var index = 0; index < size; index++)
                InclusionProof.FromLeaves(tree, (ulong)index).Verify(leaves[index], roots[size]);
            for (var first = 1; first <= size; first++)
                ConsistencyProof.FromLeaves(tree, (ulong)first).Verify(roots[first], roots[size]);
        }
    }

    /// <summary>The leaf hashes of the log's entries, from its entry bundle: each entry a big-endian 16-bit length, then the bytes.</summary>
    private static MerkleHash[] LeafHashes()
    {
        var bundle = File.ReadAllBytes(Path.Combine(SharedData.Require(Log), "tile", "entries", "000.p", $"{Entries}"));
        var leaves = new List<MerkleHash>();
        for (var at = 0; at < bundle.Length;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle.AsSpan(at));
            leaves.Add(MerkleHash.OfLeaf(bundle.AsSpan(at + 2, length)));
            at += 2 + length;
        }
        Assert.Equal(Entries, leaves.Count);
        return [.. leaves];
    }

    /// <summary>The size and root of a checkpoint: the second and third lines of its note body.</summary>
    private static (ulong Size, MerkleHash Root) ReadCheckpoint(int size)
    {
        var lines = File.ReadAllLines(Path.Combine(SharedData.Require(Log), $"checkpoint.{size}"));
        Assert.Equal("example.com/log/testdata", lines[0]);
        return (ulong.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), new MerkleHash(Convert.FromBase64String(lines[2])));
    }
}
