namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// A non-negative whole number of any length, read from ASCII digits. Up to 18 significant digits it is held as a
/// <see cref="ulong"/>; longer numbers keep their significant digits, so comparing never allocates and never overflows.
/// </summary>
internal readonly struct Numeral : IComparable<Numeral>, IEquatable<Numeral>
{
    private const int SmallDigits = 18;

    private readonly ulong _small;
    private readonly string? _large;

    private Numeral(ulong small, string? large)
    {
        _small = small;
        _large = large;
    }

    public static Numeral Zero => default;

    public bool IsZero => _large is null && _small == 0;

    /// <summary>The number written by <paramref name="digits"/>, which must be ASCII digits only (leading zeros allowed, empty means zero).</summary>
    public static Numeral Parse(ReadOnlySpan<char> digits)
    {
        int start = 0;
        while (start < digits.Length && digits[start] == '0')
            start++;
        var significant = digits[start..];
        if (significant.Length > SmallDigits)
            return new Numeral(0, significant.ToString());
        ulong value = 0;
        foreach (var digit in significant)
            value = (value * 10) + (ulong)(digit - '0');
        return new Numeral(value, null);
    }

    public static Numeral From(ulong value) => new(value, null);

    public int CompareTo(Numeral other)
    {
        if (_large is null && other._large is null)
            return _small.CompareTo(other._small);
        if (_large is null)
            return -1;
        if (other._large is null)
            return 1;
        return _large.Length != other._large.Length
            ? _large.Length.CompareTo(other._large.Length)
            : string.CompareOrdinal(_large, other._large);
    }

    public bool Equals(Numeral other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Numeral other && Equals(other);

    public override int GetHashCode() => _large is null ? _small.GetHashCode() : StringComparer.Ordinal.GetHashCode(_large);

    public override string ToString() => _large ?? _small.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool operator ==(Numeral left, Numeral right) => left.Equals(right);

    public static bool operator !=(Numeral left, Numeral right) => !left.Equals(right);

    public static bool operator <(Numeral left, Numeral right) => left.CompareTo(right) < 0;

    public static bool operator >(Numeral left, Numeral right) => left.CompareTo(right) > 0;

    public static bool operator <=(Numeral left, Numeral right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Numeral left, Numeral right) => left.CompareTo(right) >= 0;

    /// <summary>Whether every character is an ASCII digit (and there is at least one).</summary>
    public static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
