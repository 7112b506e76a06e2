namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>One consistency case of the transparency-dev vectors, as raw bytes.</summary>
internal sealed record ConsistencyCase(ulong FirstSize, ulong SecondSize, byte[][] Path, byte[] FirstRoot, byte[] SecondRoot, bool WantErr);
