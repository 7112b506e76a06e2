using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CyberReview.Reviews.Panels;

/// <summary>
/// The random choices of a panel draw, fully specified so that anyone can re-run a draw in any language from
/// its recorded seed. Block <c>i</c> (from 0) is SHA-256(seed ‖ i as 8 bytes, big-endian); each block gives four
/// 64-bit big-endian numbers, used in order. A choice among <c>n</c> takes the next number <c>x</c>, skips it
/// while <c>x &lt; 2⁶⁴ mod n</c> (so that every choice is equally likely, as OpenBSD's arc4random_uniform does),
/// and answers <c>x mod n</c>.
/// </summary>
/// <remarks>System.Random is not used: its algorithm is not specified and may change between .NET versions.</remarks>
public sealed class DrawSequence
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[SHA256.HashSizeInBytes];
    private ulong _counter;
    private int _offset = SHA256.HashSizeInBytes;

    /// <param name="seed">The draw's seed; at least 16 bytes.</param>
    /// <exception cref="ArgumentException">The seed is shorter than 16 bytes.</exception>
    public DrawSequence(ReadOnlySpan<byte> seed)
    {
        if (seed.Length < MinimumSeedBytes)
            throw new ArgumentException($"A draw seed has at least {MinimumSeedBytes} bytes.", nameof(seed));
        _input = new byte[seed.Length + sizeof(ulong)];
        seed.CopyTo(_input);
    }

    public const int MinimumSeedBytes = 16;

    /// <summary>A uniformly chosen number in [0, <paramref name="count"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public int Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var n = (ulong)count;
        // 2⁶⁴ mod n, computed in 64 bits: (2⁶⁴ − n) mod n.
        var skipBelow = (0UL - n) % n;
        var x = NextNumber();
        while (x < skipBelow)
            x = NextNumber();
        return (int)(x % n);
    }

    private ulong NextNumber()
    {
        if (_offset == _block.Length)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - sizeof(ulong)), _counter++);
            SHA256.HashData(_input, _block);
            _offset = 0;
        }
        var number = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_offset));
        _offset += sizeof(ulong);
        return number;
    }
}
