using System.Security.Cryptography;

namespace CyberReview.Transparency.Merkle;

public readonly partial struct MerkleHash
{
    // RFC 9162 §2.1.1: the one-byte prefixes keep a leaf from ever passing for an interior node.
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    // Leaves up to this size are prefixed on the stack; larger ones are streamed to the hash.
    private const int StackLeafLimit = 512;

    /// <summary>The Merkle Tree Hash of the empty tree: SHA-256 of no bytes.</summary>
    public static MerkleHash EmptyTree { get; } = HashOf([]);

    /// <summary>The hash of a leaf: SHA-256(0x00 || <paramref name="leafData"/>).</summary>
    /// <param name="leafData">The leaf's bytes, of any length (the empty leaf included).</param>
    /// <returns>The leaf hash.</returns>
    public static MerkleHash OfLeaf(ReadOnlySpan<byte> leafData)
    {
        HashBytes result = default;
        if (leafData.Length <= StackLeafLimit)
        {
            Span<byte> input = stackalloc byte[1 + leafData.Length];
            input[0] = LeafPrefix;
            leafData.CopyTo(input[1..]);
            SHA256.HashData(input, result);
        }
        else
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData([LeafPrefix]);
            hash.AppendData(leafData);
            hash.GetHashAndReset(result);
        }
        return new MerkleHash(in result);
    }

    /// <summary>The hash of an interior node: SHA-256(0x01 || <paramref name="left"/> || <paramref name="right"/>).</summary>
    /// <param name="left">The hash of the left subtree.</param>
    /// <param name="right">The hash of the right subtree.</param>
    /// <returns>The node hash.</returns>
    public static MerkleHash OfNode(in MerkleHash left, in MerkleHash right)
    {
        Span<byte> input = stackalloc byte[1 + 2 * Size];
        input[0] = NodePrefix;
        ((ReadOnlySpan<byte>)left._bytes).CopyTo(input[1..]);
        ((ReadOnlySpan<byte>)right._bytes).CopyTo(input[(1 + Size)..]);
        HashBytes result = default;
        SHA256.HashData(input, result);
        return new MerkleHash(in result);
    }

    private static MerkleHash HashOf(ReadOnlySpan<byte> data)
    {
        HashBytes result = default;
        SHA256.HashData(data, result);
        return new MerkleHash(in result);
    }
}
