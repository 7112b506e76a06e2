using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;
using CyberReview.Transparency.Tests.Merkle;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// Every transparency-dev/merkle inclusion and consistency case (happy paths and their mutations), read
/// in place from shared/data: the verifier must accept exactly the cases without wantErr.
/// </summary>
public sealed class PublishedProofVectorTests
{
    public static TheoryData<string> InclusionCases => ProofVectors.Cases(ProofVectors.Inclusion);

    public static TheoryData<string> ConsistencyCases => ProofVectors.Cases(ProofVectors.Consistency);

    [Theory]
    [MemberData(nameof(InclusionCases))]
    public void Inclusion_verification_agrees_with_the_published_verdict(string file)
    {
        var vector = ProofVectors.ReadInclusion(file);

        var failure = Record.Exception(() =>
            InclusionProof.Verify(vector.LeafIndex, vector.TreeSize, vector.LeafHash, vector.Path, vector.Root));

        if (vector.WantErr)
            Assert.IsType<ProofVerificationException>(failure);
        else
            Assert.Null(failure);
    }

    [Theory]
    [MemberData(nameof(ConsistencyCases))]
    public void Consistency_verification_agrees_with_the_published_verdict(string file)
    {
        var vector = ProofVectors.ReadConsistency(file);

        var failure = Record.Exception(() =>
            ConsistencyProof.Verify(vector.FirstSize, vector.SecondSize, vector.Path, vector.FirstRoot, vector.SecondRoot));

        if (vector.WantErr)
            Assert.IsType<ProofVerificationException>(failure);
        else
            Assert.Null(failure);
    }

    [Fact]
    public void All_98_inclusion_and_98_consistency_cases_are_there()
    {
        Assert.Equal(98, Directory.EnumerateFiles(SharedData.Require(ProofVectors.Inclusion), "*.json", SearchOption.AllDirectories).Count());
        Assert.Equal(98, Directory.EnumerateFiles(SharedData.Require(ProofVectors.Consistency), "*.json", SearchOption.AllDirectories).Count());
    }

    [Theory]
    [InlineData("0/happy-path.json")]
    [InlineData("1/happy-path.json")]
    [InlineData("2/happy-path.json")]
    [InlineData("3/happy-path.json")]
    [InlineData("4/happy-path.json")]
    public void The_generator_makes_the_published_inclusion_proof(string file)
    {
        var vector = ProofVectors.ReadInclusion(file);
        var leaves = ReferenceVectors.Load().LeafHashes.AsSpan(0, (int)vector.TreeSize);

        var proof = InclusionProof.FromLeaves(leaves, vector.LeafIndex);

        Assert.Equal(vector.Path.Select(hash => new MerkleHash(hash)), proof.Path);
        Assert.Equal(new MerkleHash(vector.Root), MerkleTree.ComputeRoot(leaves));
    }

    [Theory]
    [InlineData("0/happy-path.json")]
    [InlineData("1/happy-path.json")]
    [InlineData("2/happy-path.json")]
    [InlineData("3/happy-path.json")]
    [InlineData("4/happy-path.json")]
    public void The_generator_makes_the_published_consistency_proof(string file)
    {
        var vector = ProofVectors.ReadConsistency(file);
        var leaves = ReferenceVectors.Load().LeafHashes.AsSpan(0, (int)vector.SecondSize);

        var proof = ConsistencyProof.FromLeaves(leaves, vector.FirstSize);

        Assert.Equal(vector.Path.Select(hash => new MerkleHash(hash)), proof.Path);
        Assert.Equal(new MerkleHash(vector.FirstRoot), MerkleTree.ComputeRoot(leaves[..(int)vector.FirstSize]));
    }
}
