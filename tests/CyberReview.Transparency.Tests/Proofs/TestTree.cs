using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// A tree of distinct leaves with every perfect node hash precomputed: the kind of node store a log keeps,
/// from which proofs for every smaller size are assembled.
/// </summary>
internal sealed class TestTree
{
    private readonly Dictionary<MerkleNodeId, MerkleHash> _nodes = [];

    public TestTree(int size)
    {
        Leaves = [.. Enumerable.Range(0, size).Select(i => MerkleHash.OfLeaf(BitConverter.GetBytes(i)))];
        var level = Leaves;
        for (var height = 0; level.Length > 0; height++)
        {
            for (var i = 0; i < level.Length; i++)
                _nodes[new MerkleNodeId(height, (ulong)i)] = level[i];
            level = [.. Enumerable.Range(0, level.Length / 2).Select(i => MerkleHash.OfNode(level[2 * i], level[2 * i + 1]))];
        }
        Roots = [.. Enumerable.Range(0, size + 1).Select(n => MerkleTree.ComputeRoot(Leaves.AsSpan(0, n)))];
    }

    public MerkleHash[] Leaves { get; }

    /// <summary>The root of every size from 0 to the tree's size.</summary>
    public MerkleHash[] Roots { get; }

    public MerkleHash this[MerkleNodeId node] => _nodes[node];

    public MerkleHash[] HashesOf(IEnumerable<MerkleNodeId> nodes) => [.. nodes.Select(node => _nodes[node])];
}
