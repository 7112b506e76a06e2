using CyberReview.Transparency.Proofs;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// For every pair of tree sizes 1 ≤ m ≤ n ≤ 300: the proof assembled from stored nodes verifies, and every
/// mutation of it fails: any changed bit, swapped roots, a hash too few or too many, double or half the new
/// size, an empty old tree. A size one off verifies exactly when it gives the proof the same shape (RFC 9162
/// binds sizes to roots in signed tree heads, not in the path).
/// </summary>
public sealed class ConsistencyPropertyTests
{
    private const int MaxSize = 300;
    private static readonly TestTree Tree = new(MaxSize);

    [Fact]
    public void Every_generated_proof_verifies_and_every_mutation_fails()
    {
        var wrong = new List<string>();
        for (var second = 1UL; second <= MaxSize; second++)
        {
            var secondRoot = Tree.Roots[second].ToArray();
            for (var first = 1UL; first <= second; first++)
            {
                var plan = ConsistencyProof.Plan(first, second);
                var proof = new ConsistencyProof(first, second, plan.BuildPath(Tree.HashesOf(plan.Nodes)));
                proof.Verify(Tree.Roots[first], Tree.Roots[second]);

                var firstRoot = Tree.Roots[first].ToArray();
                byte[][] path = [.. proof.Path.Select(hash => hash.ToArray())];
                bool Verifies(ulong m, ulong n, byte[][] p, byte[] r1, byte[] r2) =>
                    Record.Exception(() => ConsistencyProof.Verify(m, n, p, r1, r2)) switch
                    {
                        null => true,
                        ProofVerificationException => false,
                        var other => throw other,
                    };
                void MustFail(string mutation, ulong m, ulong n, byte[][] p, byte[] r1, byte[] r2)
                {
                    if (Verifies(m, n, p, r1, r2))
                        wrong.Add($"{first} to {second}: {mutation} verified");
                }

                for (var i = 0; i < path.Length; i++)
                    MustFail($"bit flip in hash {i}", first, second, Mutations.Replace(path, i, Mutations.FlipBit(path[i], i)), firstRoot, secondRoot);
                MustFail("bit flip in first root", first, second, path, Mutations.FlipBit(firstRoot, 3), secondRoot);
                MustFail("bit flip in second root", first, second, path, firstRoot, Mutations.FlipBit(secondRoot, 200));
                if (first != second)
                    MustFail("roots swapped", first, second, path, secondRoot, firstRoot);
                if (path.Length > 0)
                    MustFail("last hash dropped", first, second, path[..^1], firstRoot, secondRoot);
                MustFail("second root appended", first, second, [.. path, secondRoot], firstRoot, secondRoot);
                MustFail("first root prepended", first, second, [firstRoot, .. path], firstRoot, secondRoot);
                MustFail("first size 0", 0, second, path, firstRoot, secondRoot);
                MustFail("second size * 2", first, second * 2, path, firstRoot, secondRoot);
                MustFail("second size / 2", first, second / 2, path, firstRoot, secondRoot);

                var roles = Rfc9162Definitions.ProofRoles(first, second);
                foreach (var (m, n) in (ReadOnlySpan<(ulong, ulong)>)[(first - 1, second), (first + 1, second), (first, second - 1), (first, second + 1)])
                {
                    var sameShape = 0 < m && m <= n && Rfc9162Definitions.ProofRoles(m, n) == roles;
                    var verified = Verifies(m, n, path, firstRoot, secondRoot);
                    if (verified != sameShape)
                        wrong.Add($"{first} to {second}: sizes {m} to {n} {(verified ? "verified" : "failed")} though the proof's shape is {(sameShape ? "the same" : "different")}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} mutations behaved unexpectedly, e.g.\n{string.Join('\n', wrong.Take(40))}");
    }
}
