using System.Collections.Immutable;
using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

public sealed class InclusionProofTests
{
    private static readonly TestTree Tree = new(13);

    [Fact]
    public void A_proof_verifies_against_its_tree_and_names_why_it_fails_otherwise()
    {
        var proof = InclusionProof.FromLeaves(Tree.Leaves, 6);

        proof.Verify(Tree.Leaves[6], Tree.Roots[13]);
        var failure = Assert.Throws<ProofVerificationException>(() => proof.Verify(Tree.Leaves[7], Tree.Roots[13]));
        Assert.Equal(ProofFailure.RootMismatch, failure.Failure);
        Assert.Contains("leaf 6", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_has_exactly_the_path_its_index_and_size_call_for()
    {
        var path = InclusionProof.FromLeaves(Tree.Leaves, 6).Path;

        Assert.Throws<ArgumentException>(() => new InclusionProof(6, 13, path.RemoveAt(0)));
        Assert.Throws<ArgumentException>(() => new InclusionProof(6, 13, path.Add(MerkleHash.EmptyTree)));
        Assert.Throws<ArgumentException>(() => new InclusionProof(6, 13, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InclusionProof(13, 13, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.FromLeaves(Tree.Leaves, 13));
        Assert.Equal(InclusionProof.FromLeaves(Tree.Leaves, 6), new InclusionProof(6, 13, path));
    }

    [Fact]
    public void The_default_value_never_verifies()
    {
        var failure = Assert.Throws<ProofVerificationException>(() => default(InclusionProof).Verify(MerkleHash.EmptyTree, MerkleHash.EmptyTree));

        Assert.Equal(ProofFailure.LeafIndexOutOfRange, failure.Failure);
        Assert.Empty(default(InclusionProof).Path);
    }

    [Fact]
    public void The_only_leaf_of_a_one_leaf_tree_is_its_root()
    {
        var proof = InclusionProof.FromLeaves(Tree.Leaves.AsSpan(0, 1), 0);

        Assert.Empty(proof.Path);
        proof.Verify(Tree.Leaves[0], Tree.Roots[1]);
    }

    public static TheoryData<string, ulong, ulong, int, int, int, ProofFailure> RawFailures => new()
    {
        { "leaf hash too short", 6, 13, 31, 32, 0, ProofFailure.MalformedHash },
        { "leaf hash empty", 6, 13, 0, 32, 0, ProofFailure.MalformedHash },
        { "path hash too long", 6, 13, 32, 32, 33, ProofFailure.MalformedHash },
        { "index at size", 13, 13, 32, 32, 0, ProofFailure.LeafIndexOutOfRange },
        { "empty tree", 0, 0, 32, 32, 0, ProofFailure.LeafIndexOutOfRange },
        { "index past size", ulong.MaxValue, 13, 32, 32, 0, ProofFailure.LeafIndexOutOfRange },
        { "path for a smaller tree", 6, 26, 32, 32, 0, ProofFailure.WrongPathLength },
        { "path for a larger tree", 6, 7, 32, 32, 0, ProofFailure.WrongPathLength },
        { "root too short", 6, 13, 32, 31, 0, ProofFailure.RootMismatch },
    };

    [Theory]
    [MemberData(nameof(RawFailures))]
    public void Raw_proofs_fail_for_a_named_reason(string why, ulong leafIndex, ulong treeSize, int leafLength, int rootLength, int pathHashLength, ProofFailure expected)
    {
        var proof = InclusionProof.FromLeaves(Tree.Leaves, 6);
        byte[][] path = [.. proof.Path.Select(hash => hash.ToArray())];
        if (pathHashLength != 0)
            path[1] = new byte[pathHashLength];

        byte[] leaf = [.. Tree.Leaves[6].ToArray().Take(leafLength)];
        byte[] root = [.. Tree.Roots[13].ToArray().Take(rootLength)];

        var failure = Assert.Throws<ProofVerificationException>(() => InclusionProof.Verify(leafIndex, treeSize, leaf, path, root));

        Assert.True(expected == failure.Failure, $"{why}: {failure.Failure} ({failure.Message})");
    }

    [Fact]
    public void A_path_longer_than_any_proof_is_refused_before_it_is_read()
    {
        var failure = Assert.Throws<ProofVerificationException>(() =>
            InclusionProof.Verify(0, 8, Tree.Leaves[0].ToArray(), [.. Enumerable.Repeat(new byte[32], 66)], Tree.Roots[8].ToArray()));

        Assert.Equal(ProofFailure.WrongPathLength, failure.Failure);
    }

    [Fact]
    public void A_null_path_is_a_programming_error() =>
        Assert.Throws<ArgumentNullException>(() => InclusionProof.Verify(0, 1, new byte[32], null!, new byte[32]));

    [Fact]
    public void Proofs_are_values()
    {
        var a = InclusionProof.FromLeaves(Tree.Leaves, 3);
        var b = new InclusionProof(3, 13, [.. a.Path]);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != InclusionProof.FromLeaves(Tree.Leaves, 4));
        Assert.Equal("inclusion proof of leaf 3 in a tree of 13 (4 hashes)", a.ToString());
        Assert.IsType<ImmutableArray<MerkleHash>>(a.Path);
    }
}
