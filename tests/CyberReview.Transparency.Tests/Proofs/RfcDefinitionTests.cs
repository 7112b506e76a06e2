using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>The iterative generators against the recursive definitions of RFC 9162 §2.1, for every tree up to 64 leaves.</summary>
public sealed class RfcDefinitionTests
{
    private static readonly TestTree Tree = new(64);

    [Fact]
    public void Roots_are_the_merkle_tree_hash()
    {
        for (var size = 0; size <= 64; size++)
            Assert.Equal(Rfc9162Definitions.Mth(Tree.Leaves.AsSpan(0, size)), MerkleTree.ComputeRoot(Tree.Leaves.AsSpan(0, size)));
    }

    [Fact]
    public void Inclusion_proofs_are_PATH()
    {
        for (var size = 1; size <= 64; size++)
        {
            var leaves = Tree.Leaves.AsSpan(0, size);
            for (var index = 0; index < size; index++)
                Assert.Equal(Rfc9162Definitions.Path(index, leaves), InclusionProof.FromLeaves(leaves, (ulong)index).Path);
        }
    }

    [Fact]
    public void Consistency_proofs_are_PROOF()
    {
        for (var size = 1; size <= 64; size++)
        {
            var leaves = Tree.Leaves.AsSpan(0, size);
            for (var first = 1; first <= size; first++)
                Assert.Equal(Rfc9162Definitions.Proof(first, leaves), ConsistencyProof.FromLeaves(leaves, (ulong)first).Path);
        }
    }

    [Fact]
    public void Proofs_from_stored_nodes_are_proofs_from_leaves()
    {
        for (var size = 1UL; size <= 64; size++)
        {
            var leaves = Tree.Leaves.AsSpan(0, (int)size);
            for (var m = 0UL; m < size; m++)
            {
                var inclusion = InclusionProof.Plan(m, size);
                Assert.Equal(InclusionProof.FromLeaves(leaves, m).Path, inclusion.BuildPath(Tree.HashesOf(inclusion.Nodes)));
                var consistency = ConsistencyProof.Plan(m + 1, size);
                Assert.Equal(ConsistencyProof.FromLeaves(leaves, m + 1).Path, consistency.BuildPath(Tree.HashesOf(consistency.Nodes)));
            }
        }
    }
}
