using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Merkle;

public sealed class MerkleNodeIdTests
{
    [Fact]
    public void A_node_covers_a_power_of_two_of_leaves_from_an_aligned_start()
    {
        var node = new MerkleNodeId(3, 5);

        Assert.Equal(40UL, node.FirstLeaf);
        Assert.Equal(8UL, node.LeafCount);
    }

    [Fact]
    public void The_highest_node_is_accepted()
    {
        var node = new MerkleNodeId(MerkleNodeId.MaxLevel, 1);

        Assert.Equal(1UL << 63, node.FirstLeaf);
    }

    [Theory]
    [InlineData(-1, 0UL)]
    [InlineData(64, 0UL)]
    [InlineData(63, 2UL)]
    [InlineData(1, ulong.MaxValue)]
    public void Nodes_outside_a_64_bit_tree_are_refused(int level, ulong index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MerkleNodeId(level, index));
}
