using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// Percent-encoding as ECMA-427 clause 5.4 defines it: UTF-8 first, then every octet outside the
/// allowed set (ASCII letters and digits, <c>. - _ ~</c>) written as <c>%XX</c> with uppercase hex,
/// except the colon, which is never encoded.
/// </summary>
internal static class PercentEncoding
{
    private const int StackLimit = 256;

    public static bool IsVerbatim(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or ':';

    /// <summary>Appends <paramref name="text"/> encoded. The text must be well-formed UTF-16.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        int start = 0;
        while (start < text.Length)
        {
            int run = start;
            while (run < text.Length && IsVerbatim(text[run]))
            {
                run++;
            }

            builder.Append(text[start..run]);
            if (run == text.Length)
            {
                return;
            }

            Rune.DecodeFromUtf16(text[run..], out var rune, out int consumed);
            int length = rune.EncodeToUtf8(utf8);
            foreach (byte octet in utf8[..length])
            {
                builder.Append('%').Append(HexDigit(octet >> 4)).Append(HexDigit(octet & 0xF));
            }

            start = run + consumed;
        }
    }

    /// <summary>Appends <paramref name="path"/> with each '/'-separated segment encoded and the separators kept.</summary>
    public static void AppendSegments(StringBuilder builder, string path)
    {
        var rest = path.AsSpan();
        int slash;
        while ((slash = rest.IndexOf('/')) >= 0)
        {
            Append(builder, rest[..slash]);
            builder.Append('/');
            rest = rest[(slash + 1)..];
        }

        Append(builder, rest);
    }

    /// <summary>
    /// Decodes one component (or segment) of a purl string.
    /// Strict: the raw text must be printable ASCII and every '%' must start an escape.
    /// Lenient: any raw character is taken as itself, and a '%' that starts no escape is a literal.
    /// Either way the escaped octets must be UTF-8.
    /// </summary>
    public static PackageUrlFailure? TryDecode(
        ReadOnlySpan<char> text, PackageUrlComponent component, bool lenient, out string value)
    {
        value = string.Empty;
        if (text.IsEmpty)
        {
            return null;
        }

        if (lenient)
        {
            if (TextRules.FindIllFormedUtf16(text) is int bad)
            {
                return TextRules.IllFormed(component, text, bad);
            }
        }
        else
        {
            int odd = text.IndexOfAnyExceptInRange('!', '~');
            if (odd >= 0)
            {
                Rune.DecodeFromUtf16(text[odd..], out var rune, out _);
                return new PackageUrlFailure(
                    PackageUrlError.InvalidCharacter,
                    component,
                    $"the {PackageUrlFailure.Name(component)} contains {PackageUrlFailure.Describe(rune)}, which must be percent-encoded");
            }
        }

        if (!text.Contains('%'))
        {
            value = text.ToString();
            return null;
        }

        // A character takes at most three UTF-8 octets (a surrogate pair takes four for two characters).
        int capacity = text.Length * 3;
        byte[]? rentedBytes = null;
        Span<byte> octets = capacity <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rentedBytes = ArrayPool<byte>.Shared.Rent(capacity));
        try
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%')
                {
                    if (i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                    {
                        octets[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                        i += 2;
                        continue;
                    }

                    if (!lenient)
                    {
                        var near = text[i..Math.Min(text.Length, i + 3)].ToString();
                        return new PackageUrlFailure(
                            PackageUrlError.InvalidPercentEncoding,
                            component,
                            $"the {PackageUrlFailure.Name(component)} has '{near}', but '%' must be followed by two hex digits");
                    }
                }

                if (c < 0x80)
                {
                    octets[count++] = (byte)c;
                }
                else
                {
                    Rune.DecodeFromUtf16(text[i..], out var rune, out int consumed);
                    count += rune.EncodeToUtf8(octets[count..]);
                    i += consumed - 1;
                }
            }

            return TryDecodeUtf8(octets[..count], component, out value);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }
        }
    }

    private static PackageUrlFailure? TryDecodeUtf8(ReadOnlySpan<byte> octets, PackageUrlComponent component, out string value)
    {
        char[]? rentedChars = null;
        Span<char> chars = octets.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rentedChars = ArrayPool<char>.Shared.Rent(octets.Length));
        try
        {
            var status = Utf8.ToUtf16(octets, chars, out _, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                value = string.Empty;
                return new PackageUrlFailure(
                    PackageUrlError.InvalidPercentEncoding,
                    component,
                    $"the percent-encoded octets of the {PackageUrlFailure.Name(component)} are not valid UTF-8");
            }

            value = new string(chars[..written]);
            return null;
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
