using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// Proofs in trees of up to 2^64 − 1 leaves, where every 64-bit edge case lives. The leaves are all the
/// same, so the hash of every perfect subtree of 2^k leaves is known without building the tree.
/// </summary>
public sealed class LargeTreeTests
{
    private static readonly MerkleHash[] PerfectSubtree = BuildPerfectSubtrees();

    public static TheoryData<ulong, ulong> Sizes => new()
    {
        { 0, ulong.MaxValue },
        { ulong.MaxValue - 1, ulong.MaxValue },
        { ulong.MaxValue / 3, ulong.MaxValue },
        { 1UL << 63, (1UL << 63) + 1 },
        { (1UL << 63) - 1, 1UL << 63 },
        { (1UL << 32) + 5, (1UL << 40) + 12345 },
        { 6_000_000_000_000_000_001, 17_000_000_000_000_000_017 },
        { 123_456_789, 123_456_790 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inclusion_proofs_verify(ulong leafIndex, ulong treeSize)
    {
        var plan = InclusionProof.Plan(leafIndex, treeSize);
        var proof = new InclusionProof(leafIndex, treeSize, plan.BuildPath(HashesOf(plan.Nodes)));

        proof.Verify(PerfectSubtree[0], RootOf(treeSize));
        Assert.Throws<ProofVerificationException>(() => proof.Verify(PerfectSubtree[0], RootOf(treeSize - 1)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Consistency_proofs_verify(ulong firstSize, ulong secondSize)
    {
        firstSize = Math.Max(firstSize, 1);
        var plan = ConsistencyProof.Plan(firstSize, secondSize);
        var proof = new ConsistencyProof(firstSize, secondSize, plan.BuildPath(HashesOf(plan.Nodes)));

        proof.Verify(RootOf(firstSize), RootOf(secondSize));
        if (firstSize > 1)
            Assert.Throws<ProofVerificationException>(() => proof.Verify(RootOf(firstSize - 1), RootOf(secondSize)));
    }

    private static MerkleHash RootOf(ulong size) => CompactRange.Restore(size, HashesOf(CompactRange.NodesOf(size))).Root;

    private static MerkleHash[] HashesOf(IEnumerable<MerkleNodeId> nodes) => [.. nodes.Select(node => PerfectSubtree[node.Level])];

    private static MerkleHash[] BuildPerfectSubtrees()
    {
        var hashes = new MerkleHash[MerkleNodeId.MaxLevel + 1];
        hashes[0] = MerkleHash.OfLeaf("the same leaf"u8);
        for (var level = 1; level < hashes.Length; level++)
            hashes[level] = MerkleHash.OfNode(hashes[level - 1], hashes[level - 1]);
        return hashes;
    }
}
