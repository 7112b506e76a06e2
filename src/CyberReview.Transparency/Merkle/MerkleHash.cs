using System.Buffers;

namespace CyberReview.Transparency.Merkle;

/// <summary>
/// A SHA-256 hash in an RFC 9162 Merkle tree: the hash of a leaf, of an interior node, or of a whole
/// tree (its Merkle Tree Hash, the "root").
/// </summary>
/// <remarks>
/// <para>A value is always exactly <see cref="Size"/> bytes. The default value is 32 zero bytes: a valid
/// value, though not the hash of anything you will meet in practice.</para>
/// <para>Equality compares all 32 bytes. The text form is 64 hexadecimal digits, lowercase unless the
/// "X" format is asked for; parsing accepts either case.</para>
/// </remarks>
public readonly partial struct MerkleHash : IEquatable<MerkleHash>, ISpanFormattable, ISpanParsable<MerkleHash>
{
    /// <summary>The length of every Merkle hash in bytes.</summary>
    public const int Size = 32;

    private const int HexLength = 2 * Size;

    private readonly HashBytes _bytes;

    /// <summary>Creates a hash from its 32 bytes.</summary>
    /// <param name="bytes">The hash; copied, so later changes to the caller's buffer do not show.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not exactly <see cref="Size"/> bytes long.</exception>
    public MerkleHash(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new ArgumentException($"A Merkle hash is {Size} bytes, not {bytes.Length}.", nameof(bytes));
        HashBytes copy = default;
        bytes.CopyTo(copy);
        _bytes = copy;
    }

    private MerkleHash(in HashBytes bytes) => _bytes = bytes;

    /// <summary>Creates a hash from its bytes, or reports that they are not a hash.</summary>
    /// <param name="bytes">The candidate hash.</param>
    /// <param name="hash">The hash when this returns true; the default value otherwise.</param>
    /// <returns>Whether <paramref name="bytes"/> is exactly <see cref="Size"/> bytes long.</returns>
    public static bool TryCreate(ReadOnlySpan<byte> bytes, out MerkleHash hash)
    {
        if (bytes.Length != Size)
        {
            hash = default;
            return false;
        }
        hash = new MerkleHash(bytes);
        return true;
    }

    /// <summary>Copies the 32 bytes of the hash into <paramref name="destination"/>.</summary>
    /// <param name="destination">Where to write; at least <see cref="Size"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/> bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"The destination holds {destination.Length} bytes; a Merkle hash needs {Size}.", nameof(destination));
        ((ReadOnlySpan<byte>)_bytes).CopyTo(destination);
    }

    /// <summary>Returns a new array holding the 32 bytes of the hash.</summary>
    /// <returns>A new 32-byte array.</returns>
    public byte[] ToArray() => ((ReadOnlySpan<byte>)_bytes).ToArray();

    /// <summary>Whether <paramref name="bytes"/> are this hash: 32 bytes, all equal.</summary>
    internal bool Matches(ReadOnlySpan<byte> bytes) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(bytes);

    /// <inheritdoc/>
    public bool Equals(MerkleHash other) => ((ReadOnlySpan<byte>)_bytes).SequenceEqual(other._bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MerkleHash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Hash all 32 bytes with the per-process seed, so that chosen hash prefixes cannot crowd a dictionary.
        var code = new HashCode();
        code.AddBytes(_bytes);
        return code.ToHashCode();
    }

    /// <summary>Whether two hashes are the same 32 bytes.</summary>
    public static bool operator ==(MerkleHash left, MerkleHash right) => left.Equals(right);

    /// <summary>Whether two hashes differ in any byte.</summary>
    public static bool operator !=(MerkleHash left, MerkleHash right) => !left.Equals(right);

    /// <summary>The hash as 64 lowercase hexadecimal digits.</summary>
    /// <returns>The hexadecimal text of the hash.</returns>
    public override string ToString() => Convert.ToHexStringLower(_bytes);

    /// <summary>The hash as 64 hexadecimal digits.</summary>
    /// <param name="format">Null, empty or "x" for lowercase; "X" for uppercase.</param>
    /// <param name="formatProvider">Ignored: hexadecimal digits do not depend on culture.</param>
    /// <returns>The hexadecimal text of the hash.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        IsUppercase(format) ? Convert.ToHexString(_bytes) : Convert.ToHexStringLower(_bytes);

    /// <summary>Writes the hash as 64 hexadecimal digits.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">64 on success, 0 when <paramref name="destination"/> is too short.</param>
    /// <param name="format">Empty or "x" for lowercase; "X" for uppercase.</param>
    /// <param name="provider">Ignored: hexadecimal digits do not depend on culture.</param>
    /// <returns>Whether <paramref name="destination"/> had room for 64 characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        IsUppercase(format)
            ? Convert.TryToHexString(_bytes, destination, out charsWritten)
            : Convert.TryToHexStringLower(_bytes, destination, out charsWritten);

    /// <summary>Reads a hash from 64 hexadecimal digits, in either case.</summary>
    /// <param name="text">Exactly 64 hexadecimal digits; no prefix, separators or white space.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not 64 hexadecimal digits.</exception>
    public static MerkleHash Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var hash)
            ? hash
            : throw new FormatException($"A Merkle hash is {HexLength} hexadecimal digits; the text of {text.Length} characters is not.");

    /// <summary>Reads a hash from 64 hexadecimal digits, or reports that the text is not one.</summary>
    /// <param name="text">The candidate text.</param>
    /// <param name="hash">The hash when this returns true; the default value otherwise.</param>
    /// <returns>Whether <paramref name="text"/> is exactly 64 hexadecimal digits.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out MerkleHash hash)
    {
        HashBytes bytes = default;
        if (text.Length == HexLength
            && Convert.FromHexString(text, bytes, out _, out var written) == OperationStatus.Done
            && written == Size)
        {
            hash = new MerkleHash(in bytes);
            return true;
        }
        hash = default;
        return false;
    }

    static MerkleHash IParsable<MerkleHash>.Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s);
    }

    static bool IParsable<MerkleHash>.TryParse(string? s, IFormatProvider? provider, out MerkleHash result) =>
        TryParse(s, out result);

    static MerkleHash ISpanParsable<MerkleHash>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<MerkleHash>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MerkleHash result) =>
        TryParse(s, out result);

    private static bool IsUppercase(ReadOnlySpan<char> format) => format switch
    {
        [] or ['x'] => false,
        ['X'] => true,
        _ => throw new FormatException($"A Merkle hash formats as \"x\" or \"X\", not \"{format}\"."),
    };
}
