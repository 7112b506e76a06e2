using System.Numerics;
using CyberReview.Transparency.Merkle;

namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>
/// The recursive definitions of RFC 9162 §2.1 written out literally, slow and obviously right, for the
/// library's iterative code to be checked against.
/// </summary>
internal static class Rfc9162Definitions
{
    /// <summary>MTH(D[n]) over leaf hashes.</summary>
    public static MerkleHash Mth(ReadOnlySpan<MerkleHash> leaves) => leaves.Length switch
    {
        0 => MerkleHash.EmptyTree,
        1 => leaves[0],
        var n => MerkleHash.OfNode(Mth(leaves[..Split(n)]), Mth(leaves[Split(n)..])),
    };

    /// <summary>PATH(m, D[n]) (§2.1.3.1).</summary>
    public static List<MerkleHash> Path(int m, ReadOnlySpan<MerkleHash> leaves)
    {
        var n = leaves.Length;
        if (n == 1)
            return [];
        var k = Split(n);
        if (m < k)
            return [.. Path(m, leaves[..k]), Mth(leaves[k..])];
        return [.. Path(m - k, leaves[k..]), Mth(leaves[..k])];
    }

    /// <summary>
    /// The side of each hash in PATH(m, D[n]), lowest first: 'R' where the sibling is on the right, 'L' where
    /// it is on the left. Verification is the same computation for two sizes with the same sides.
    /// </summary>
    public static string PathSides(ulong m, ulong n)
    {
        if (n == 1)
            return "";
        var k = 1UL << BitOperations.Log2(n - 1);
        return m < k ? PathSides(m, k) + "R" : PathSides(m - k, n - k) + "L";
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (§2.1.4.1).</summary>
    public static List<MerkleHash> Proof(int m, ReadOnlySpan<MerkleHash> leaves) => SubProof(m, leaves, true);

    /// <summary>
    /// The role of each hash in PROOF(m, D[n]): 'S' for the old tree's last perfect subtree (absent when the
    /// old tree is itself perfect), 'L' for a left sibling under both roots, 'R' for a right sibling under the
    /// new root only. Verification is the same computation for two pairs of sizes with the same roles.
    /// </summary>
    public static string ProofRoles(ulong m, ulong n) => SubProofRoles(m, n, true);

    private static string SubProofRoles(ulong m, ulong n, bool startsAtOldRoot)
    {
        if (m == n)
            return startsAtOldRoot ? "" : "S";
        var k = 1UL << BitOperations.Log2(n - 1);
        return m <= k ? SubProofRoles(m, k, startsAtOldRoot) + "R" : SubProofRoles(m - k, n - k, false) + "L";
    }

    private static List<MerkleHash> SubProof(int m, ReadOnlySpan<MerkleHash> leaves, bool startsAtOldRoot)
    {
        var n = leaves.Length;
        if (m == n)
            return startsAtOldRoot ? [] : [Mth(leaves)];
        var k = Split(n);
        if (m <= k)
            return [.. SubProof(m, leaves[..k], startsAtOldRoot), Mth(leaves[k..])];
        return [.. SubProof(m - k, leaves[k..], false), Mth(leaves[..k])];
    }

    /// <summary>The largest power of two smaller than n (n &gt; 1).</summary>
    private static int Split(int n) => 1 << BitOperations.Log2((uint)(n - 1));
}
