using System.Runtime.CompilerServices;

namespace CyberReview.Transparency.Merkle;

/// <summary>The inline storage of one <see cref="MerkleHash"/>, so that a hash never needs an array.</summary>
[InlineArray(MerkleHash.Size)]
internal struct HashBytes
{
    private byte _element0;
}
