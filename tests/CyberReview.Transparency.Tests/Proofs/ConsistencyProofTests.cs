using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

public sealed class ConsistencyProofTests
{
    private static readonly TestTree Tree = new(13);

    [Fact]
    public void A_proof_verifies_against_its_two_roots_and_names_why_it_fails_otherwise()
    {
        var proof = ConsistencyProof.FromLeaves(Tree.Leaves, 6);

        proof.Verify(Tree.Roots[6], Tree.Roots[13]);
        var failure = Assert.Throws<ProofVerificationException>(() => proof.Verify(Tree.Roots[7], Tree.Roots[13]));
        Assert.Equal(ProofFailure.RootMismatch, failure.Failure);
    }

    [Fact]
    public void A_tree_is_consistent_with_itself_by_an_empty_proof()
    {
        var proof = ConsistencyProof.FromLeaves(Tree.Leaves, 13);

        Assert.Empty(proof.Path);
        proof.Verify(Tree.Roots[13], Tree.Roots[13]);
        Assert.Equal(ProofFailure.RootMismatch,
            Assert.Throws<ProofVerificationException>(() => proof.Verify(Tree.Roots[12], Tree.Roots[13])).Failure);
    }

    [Fact]
    public void A_proof_has_exactly_the_path_its_sizes_call_for()
    {
        var path = ConsistencyProof.FromLeaves(Tree.Leaves, 6).Path;

        Assert.Throws<ArgumentException>(() => new ConsistencyProof(6, 13, path.RemoveAt(0)));
        Assert.Throws<ArgumentException>(() => new ConsistencyProof(6, 13, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsistencyProof(0, 13, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConsistencyProof(14, 13, path));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.FromLeaves(Tree.Leaves, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.FromLeaves(Tree.Leaves, 14));
        Assert.Equal(ConsistencyProof.FromLeaves(Tree.Leaves, 6), new ConsistencyProof(6, 13, path));
        Assert.NotEqual(ConsistencyProof.FromLeaves(Tree.Leaves, 5), new ConsistencyProof(6, 13, path));
    }

    [Fact]
    public void The_default_value_never_verifies() =>
        Assert.Equal(ProofFailure.EmptyFirstTree,
            Assert.Throws<ProofVerificationException>(() => default(ConsistencyProof).Verify(MerkleHash.EmptyTree, MerkleHash.EmptyTree)).Failure);

    public static TheoryData<string, ulong, ulong, int, ProofFailure> RawFailures => new()
    {
        { "sizes reversed", 13, 6, 0, ProofFailure.SizesOutOfOrder },
        { "from the empty tree", 0, 13, 0, ProofFailure.EmptyFirstTree },
        { "from the empty tree to itself", 0, 0, 0, ProofFailure.EmptyFirstTree },
        { "equal sizes with a path", 6, 6, 0, ProofFailure.WrongPathLength },
        { "path hash too short", 6, 13, 31, ProofFailure.MalformedHash },
        { "path for a larger tree", 6, 7, 0, ProofFailure.WrongPathLength },
        { "path for a much larger tree", 6, 100, 0, ProofFailure.WrongPathLength },
    };

    [Theory]
    [MemberData(nameof(RawFailures))]
    public void Raw_proofs_fail_for_a_named_reason(string why, ulong firstSize, ulong secondSize, int pathHashLength, ProofFailure expected)
    {
        byte[][] path = [.. ConsistencyProof.FromLeaves(Tree.Leaves, 6).Path.Select(hash => hash.ToArray())];
        if (pathHashLength != 0)
            path[0] = new byte[pathHashLength];

        var failure = Assert.Throws<ProofVerificationException>(() =>
            ConsistencyProof.Verify(firstSize, secondSize, path, Tree.Roots[6].ToArray(), Tree.Roots[13].ToArray()));

        Assert.True(expected == failure.Failure, $"{why}: {failure.Failure} ({failure.Message})");
    }

    [Fact]
    public void Roots_are_compared_not_parsed()
    {
        byte[] notAHash = [1, 2, 3];

        ConsistencyProof.Verify(4, 4, [], notAHash, notAHash);
        Assert.Equal(ProofFailure.RootMismatch,
            Assert.Throws<ProofVerificationException>(() => ConsistencyProof.Verify(4, 4, [], notAHash, [1, 2])).Failure);
        Assert.Equal(ProofFailure.RootMismatch,
            Assert.Throws<ProofVerificationException>(() => ConsistencyProof.Verify(4, 13, [.. ConsistencyProof.FromLeaves(Tree.Leaves, 4).Path.Select(h => h.ToArray())], notAHash, Tree.Roots[13].ToArray())).Failure);
    }

    [Fact]
    public void Proofs_are_values()
    {
        var a = ConsistencyProof.FromLeaves(Tree.Leaves, 3);
        var b = new ConsistencyProof(3, 13, [.. a.Path]);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("consistency proof from 3 to 13 leaves (5 hashes)", a.ToString());
    }
}
