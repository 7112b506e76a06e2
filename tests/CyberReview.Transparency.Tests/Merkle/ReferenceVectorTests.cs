using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Merkle;

/// <summary>Hashing and roots against the published RFC 6962 vectors, read in place from shared/data.</summary>
public sealed class ReferenceVectorTests
{
    [Fact]
    public void Leaf_hashes_are_the_published_level_0_nodes()
    {
        var vectors = ReferenceVectors.Load();
        Assert.Equal(8, vectors.LeafInputs.Count);
        Assert.Equal(vectors.NodeHashesByLevel[0], vectors.LeafInputs.Select(input => MerkleHash.OfLeaf(input)));
    }

    [Fact]
    public void Every_interior_node_is_the_hash_of_its_two_children()
    {
        var vectors = ReferenceVectors.Load();
        Assert.Equal(4, vectors.NodeHashesByLevel.Count);
        for (var level = 1; level < vectors.NodeHashesByLevel.Count; level++)
        {
            var below = vectors.NodeHashesByLevel[level - 1];
            Assert.Equal(
                vectors.NodeHashesByLevel[level],
                Enumerable.Range(0, below.Count / 2).Select(i => MerkleHash.OfNode(below[2 * i], below[2 * i + 1])));
        }
    }

    [Fact]
    public void Roots_of_every_size_from_0_to_8_are_the_published_ones()
    {
        var vectors = ReferenceVectors.Load();
        var leaves = vectors.LeafHashes;
        Assert.Equal(Enumerable.Range(0, 9), vectors.RootsBySize.Keys.Order());
        var range = CompactRange.Empty;
        for (var size = 0; size <= 8; size++)
        {
            Assert.Equal(vectors.RootsBySize[size], MerkleTree.ComputeRoot(leaves.AsSpan(0, size)));
            Assert.Equal(vectors.RootsBySize[size], range.Root);
            if (size < 8)
                range = range.Append(leaves[size]);
        }
    }

    [Fact]
    public void The_empty_tree_root_is_the_published_one() =>
        Assert.Equal(ReferenceVectors.Load().RootsBySize[0], MerkleHash.EmptyTree);
}
