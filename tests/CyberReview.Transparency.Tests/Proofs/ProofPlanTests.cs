using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

public sealed class ProofPlanTests
{
    [Fact]
    public void An_inclusion_plan_names_the_siblings_from_the_leaf_up()
    {
        var plan = InclusionProof.Plan(5, 8);

        Assert.Equal([new(0, 4), new(1, 3), new(2, 0)], plan.Nodes);
        Assert.Equal(3, plan.PathLength);
    }

    [Fact]
    public void A_ragged_right_edge_is_fetched_as_perfect_subtrees_and_hashed_together()
    {
        var tree = new TestTree(7);
        var plan = InclusionProof.Plan(0, 7);

        Assert.Equal([new(0, 1), new(1, 1), new(1, 2), new(0, 6)], plan.Nodes);
        Assert.Equal(3, plan.PathLength);
        var path = plan.BuildPath(tree.HashesOf(plan.Nodes));
        Assert.Equal(MerkleHash.OfNode(tree[new(1, 2)], tree[new(0, 6)]), path[2]);
    }

    [Fact]
    public void A_consistency_plan_starts_with_the_old_trees_last_subtree_unless_the_old_tree_is_perfect()
    {
        Assert.Equal([new(1, 2), new(1, 3), new(2, 0)], ConsistencyProof.Plan(6, 8).Nodes);
        Assert.Equal([new(1, 1), new(0, 4)], ConsistencyProof.Plan(2, 5).Nodes);
        Assert.Empty(ConsistencyProof.Plan(5, 5).Nodes);
    }

    [Fact]
    public void Building_a_path_needs_one_hash_per_node() =>
        Assert.Throws<ArgumentException>(() => InclusionProof.Plan(5, 8).BuildPath(new MerkleHash[2]));

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(8UL, 8UL)]
    [InlineData(ulong.MaxValue, 8UL)]
    public void There_is_no_inclusion_plan_for_a_leaf_outside_the_tree(ulong leafIndex, ulong treeSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Plan(leafIndex, treeSize));

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, 5UL)]
    [InlineData(6UL, 5UL)]
    public void There_is_no_consistency_plan_from_the_empty_tree_or_into_a_smaller_one(ulong firstSize, ulong secondSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Plan(firstSize, secondSize));

    [Fact]
    public void Plans_reach_the_largest_trees()
    {
        Assert.Equal(64, InclusionProof.Plan(0, ulong.MaxValue).PathLength);
        Assert.Equal(63, InclusionProof.Plan(ulong.MaxValue - 1, ulong.MaxValue).PathLength);
        Assert.Equal(new MerkleNodeId(63, 0), InclusionProof.Plan(ulong.MaxValue - 1, ulong.MaxValue).Nodes[^1]);
        Assert.Equal(64, ConsistencyProof.Plan(1, ulong.MaxValue).PathLength);
        // The longest proof there is: the old tree's last leaf, a sibling at every level, and a right edge of 63 subtrees.
        var longest = ConsistencyProof.Plan(3, ulong.MaxValue);
        Assert.Equal(65, longest.PathLength);
        Assert.Equal(1 + 63 + 63, longest.Nodes.Length);
    }
}
