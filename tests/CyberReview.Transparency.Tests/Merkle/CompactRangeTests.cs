using System.Numerics;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Tests.Proofs;

namespace CyberReview.Transparency.Tests.Merkle;

public sealed class CompactRangeTests
{
    private static readonly TestTree Tree = new(300);

    [Fact]
    public void The_empty_range_has_the_empty_root()
    {
        Assert.Equal(MerkleHash.EmptyTree, CompactRange.Empty.Root);
        Assert.Equal(0UL, default(CompactRange).Size);
        Assert.Empty(default(CompactRange).Hashes);
        Assert.Equal(CompactRange.Empty, default);
    }

    [Fact]
    public void Appending_one_leaf_at_a_time_gives_the_root_at_every_size()
    {
        var range = CompactRange.Empty;
        for (var size = 0; size < Tree.Leaves.Length; size++)
        {
            range = range.Append(Tree.Leaves[size]);
            Assert.Equal((ulong)size + 1, range.Size);
            Assert.Equal(Tree.Roots[size + 1], range.Root);
            Assert.Equal(Rfc9162Definitions.Mth(Tree.Leaves.AsSpan(0, size + 1)), range.Root);
        }
    }

    [Fact]
    public void The_state_is_one_stored_node_per_set_bit_of_the_size()
    {
        var range = CompactRange.Empty;
        for (var size = 1UL; size <= 300; size++)
        {
            range = range.Append(Tree.Leaves[size - 1]);
            var nodes = CompactRange.NodesOf(size);
            Assert.Equal(BitOperations.PopCount(size), range.Hashes.Length);
            Assert.Equal(Tree.HashesOf(nodes), range.Hashes);
            Assert.Equal(size, nodes.Aggregate(0UL, (covered, node) => node.FirstLeaf == covered ? covered + node.LeafCount : ulong.MaxValue));
        }
    }

    [Fact]
    public void A_restored_range_carries_on_as_the_original()
    {
        var original = CompactRange.Empty.AppendRange(Tree.Leaves.AsSpan(0, 200));

        var restored = CompactRange.Restore(200, Tree.HashesOf(CompactRange.NodesOf(200)));

        Assert.Equal(original, restored);
        Assert.Equal(Tree.Roots[300], restored.AppendRange(Tree.Leaves.AsSpan(200)).Root);
    }

    [Fact]
    public void Appending_many_at_once_is_appending_one_by_one()
    {
        var oneByOne = CompactRange.Empty;
        foreach (var leaf in Tree.Leaves.AsSpan(0, 77))
            oneByOne = oneByOne.Append(leaf);

        var inTwoRuns = CompactRange.Empty.AppendRange(Tree.Leaves.AsSpan(0, 31)).AppendRange(Tree.Leaves.AsSpan(31, 46));

        Assert.Equal(oneByOne, inTwoRuns);
        Assert.Equal(oneByOne.GetHashCode(), inTwoRuns.GetHashCode());
        Assert.Equal(inTwoRuns, inTwoRuns.AppendRange([]));
        Assert.NotEqual(oneByOne, oneByOne.Append(Tree.Leaves[77]));
    }

    [Theory]
    [InlineData(5UL, 1)]
    [InlineData(5UL, 3)]
    [InlineData(0UL, 1)]
    public void Restoring_needs_one_hash_per_set_bit(ulong size, int hashes) =>
        Assert.Throws<ArgumentException>(() => CompactRange.Restore(size, new MerkleHash[hashes]));

    [Fact]
    public void A_full_tree_takes_no_more_leaves()
    {
        var full = CompactRange.Restore(ulong.MaxValue, new MerkleHash[64]);

        Assert.Throws<InvalidOperationException>(() => full.Append(MerkleHash.EmptyTree));
        Assert.Throws<InvalidOperationException>(() => CompactRange.Restore(ulong.MaxValue - 1, new MerkleHash[63]).AppendRange(new MerkleHash[2]));
    }
}
