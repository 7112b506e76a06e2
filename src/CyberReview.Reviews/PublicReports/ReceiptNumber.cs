namespace CyberReview.Reviews.PublicReports;

/// <summary>
/// The number a reporter follows a report by: 16 characters of base32 (80 random bits), shown in four groups
/// (ABCD-EFGH-JKMN-PQRS). Unguessable, so the number itself is the reporter's only key to the report's status.
/// </summary>
public static class ReceiptNumber
{
    /// <summary>Crockford's base32: no I, L, O or U, so that a number read aloud or retyped is not mistaken.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int RandomBytes = 10;
    public const int Length = 16;

    /// <summary>The number for 10 random bytes (the caller draws them from a cryptographic source).</summary>
    public static string From(ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomBytes)
            throw new ArgumentException($"A receipt number takes exactly {RandomBytes} random bytes.", nameof(random));
        Span<char> chars = stackalloc char[Length];
        var bits = 0;
        var buffer = 0;
        var at = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[at++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        return new string(chars);
    }

    /// <summary>The number as typed (any case, with or without dashes and spaces, O for 0 and I or L for 1), or null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 40)
            return null;
        var chars = new List<char>(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ')
                continue;
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
                return null;
            chars.Add(mapped);
        }
        return chars.Count == Length ? new string([.. chars]) : null;
    }

    /// <summary>The number in groups of four, for reading.</summary>
    public static string Display(string number) =>
        number.Length == Length ? $"{number[..4]}-{number[4..8]}-{number[8..12]}-{number[12..]}" : number;
}
