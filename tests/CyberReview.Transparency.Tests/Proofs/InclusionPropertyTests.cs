using CyberReview.Transparency.Merkle;
using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// For every tree size from 1 to 300 and every leaf: the proof assembled from stored nodes verifies,
/// and every mutation of it fails: any changed bit, another leaf index, a path with a hash too few or too many,
/// double or half the size. A size one off verifies exactly when it gives the leaf the same path shape
/// (RFC 9162 binds the size to the root in the signed tree head, not in the path).
/// </summary>
public sealed class InclusionPropertyTests
{
    private const int MaxSize = 300;
    private static readonly TestTree Tree = new(MaxSize);

    [Fact]
    public void Every_generated_proof_verifies_and_every_mutation_fails()
    {
        var wrong = new List<string>();
        for (var size = 1UL; size <= MaxSize; size++)
        {
            var root = Tree.Roots[size].ToArray();
            for (var index = 0UL; index < size; index++)
            {
                var plan = InclusionProof.Plan(index, size);
                var proof = new InclusionProof(index, size, plan.BuildPath(Tree.HashesOf(plan.Nodes)));
                var leaf = Tree.Leaves[index];
                proof.Verify(leaf, Tree.Roots[size]);

                var leafBytes = leaf.ToArray();
                byte[][] path = [.. proof.Path.Select(hash => hash.ToArray())];
                void MustFail(string mutation, ulong i, ulong n, byte[] leafHash, byte[][] p, byte[] r)
                {
                    if (Record.Exception(() => InclusionProof.Verify(i, n, leafHash, p, r)) is not ProofVerificationException)
                        wrong.Add($"leaf {index} of {size}: {mutation} verified");
                }

                for (var i = 0; i < path.Length; i++)
                    MustFail($"bit flip in hash {i}", index, size, leafBytes, Mutations.Replace(path, i, Mutations.FlipBit(path[i], i)), root);
                MustFail("bit flip in leaf", index, size, Mutations.FlipBit(leafBytes, 7), path, root);
                MustFail("bit flip in root", index, size, leafBytes, path, Mutations.FlipBit(root, 255));
                MustFail("index + 1", index + 1, size, leafBytes, path, root);
                if (index > 0)
                    MustFail("index - 1", index - 1, size, leafBytes, path, root);
                MustFail("index xor 2", index ^ 2, size, leafBytes, path, root);
                MustFail("size * 2", index, size * 2, leafBytes, path, root);
                MustFail("size / 2", index, size / 2, leafBytes, path, root);
                // The path binds the size only through its shape; the signed tree head binds size and root.
                foreach (var otherSize in (ulong[])[size - 1, size + 1])
                {
                    var sameShape = index < otherSize
                        && Rfc9162Definitions.PathSides(index, otherSize) == Rfc9162Definitions.PathSides(index, size);
                    var verified = Record.Exception(() => InclusionProof.Verify(index, otherSize, leafBytes, path, root)) is null;
                    if (verified != sameShape)
                        wrong.Add($"leaf {index} of {size}: size {otherSize} {(verified ? "verified" : "failed")} though the path's shape is {(sameShape ? "the same" : "different")}");
                }
                if (path.Length > 0)
                    MustFail("last hash dropped", index, size, leafBytes, path[..^1], root);
                MustFail("root appended", index, size, leafBytes, [.. path, root], root);
                MustFail("root prepended", index, size, leafBytes, [root, .. path], root);
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} mutations verified, e.g.\n{string.Join('\n', wrong.Take(40))}");
    }
}
