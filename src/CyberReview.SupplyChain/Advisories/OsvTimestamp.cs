using System.Globalization;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// An OSV timestamp (RFC 3339, UTC), kept as written together with its parsed value: real data carries
/// fractional seconds of any length, missing 'Z', or a space for 'T', and Go's vulndb writes the zero time.
/// </summary>
/// <param name="Text">The timestamp exactly as written.</param>
/// <param name="Value">The instant, or null when the text is not a timestamp at all.</param>
public readonly record struct OsvTimestamp(string Text, DateTimeOffset? Value)
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd",
    ];

    /// <summary>Reads a timestamp leniently; never throws. Fractions beyond seven digits are cut, an absent zone means UTC.</summary>
    /// <param name="text">The text as written in the advisory.</param>
    public static OsvTimestamp Parse(string text)
    {
        var trimmed = text.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            // .NET reads at most seven fraction digits; Python writers emit nine.
            var end = dot + 1;
            while (end < trimmed.Length && char.IsAsciiDigit(trimmed[end]))
                end++;
            if (end - dot - 1 > 7)
                trimmed = string.Concat(trimmed.AsSpan(0, dot + 8), trimmed.AsSpan(end));
        }
        return DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new OsvTimestamp(text, value)
            : new OsvTimestamp(text, null);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
