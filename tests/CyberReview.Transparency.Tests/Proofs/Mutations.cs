namespace CyberReview.Transparency.Tests.Proofs;

/// <summary>Small damage to proofs, for checking that verification notices it.</summary>
internal static class Mutations
{
    /// <summary>A copy of <paramref name="hash"/> with one bit flipped (any bit number, wrapped to the length).</summary>
    public static byte[] FlipBit(byte[] hash, int bit)
    {
        var copy = (byte[])hash.Clone();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    /// <summary>A copy of <paramref name="path"/> with hash <paramref name="i"/> replaced.</summary>
    public static byte[][] Replace(byte[][] path, int i, byte[] hash)
    {
        var copy = (byte[][])path.Clone();
        copy[i] = hash;
        return copy;
    }
}
