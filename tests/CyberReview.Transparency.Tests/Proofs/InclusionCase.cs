namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>One inclusion case of the transparency-dev vectors, as raw bytes.</summary>
internal sealed record InclusionCase(ulong LeafIndex, ulong TreeSize, byte[] LeafHash, byte[][] Path, byte[] Root, bool WantErr);
