using System.Globalization;
using System.Text;

namespace CyberReview.SupplyChain.Purls;

/// <summary>
/// "Lowercase" as ECMA-427 clause 5.5 defines it: the culture-invariant full case mapping of the
/// Unicode Standard (section 3.13). For ASCII this is A-Z to a-z. Beyond ASCII it differs from the
/// simple mapping of <see cref="char.ToLowerInvariant(char)"/> in two places, both handled here:
/// U+0130 becomes "i̇" (two characters), and a final capital sigma becomes 'ς'.
/// Both methods return the same instance when nothing changes.
/// </summary>
internal static class CaseFolding
{
    private const char CapitalIWithDotAbove = '\u0130';
    private const char CapitalSigma = '\u03A3';

    public static string ToLower(string text)
    {
        int first = IndexOfChangingLower(text);
        if (first < 0)
        {
            return text;
        }

        if (Ascii.IsValid(text))
        {
            return string.Create(text.Length, text, static (span, source) => Ascii.ToLower(source, span, out _));
        }

        var builder = new StringBuilder(text.Length + 4);
        builder.Append(text.AsSpan(0, first));
        for (int i = first; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int consumed);
            if (rune.Value == CapitalIWithDotAbove)
            {
                builder.Append('i').Append('\u0307');
            }
            else if (rune.Value == CapitalSigma)
            {
                builder.Append(IsFinalSigma(text, i) ? '\u03C2' : '\u03C3');
            }
            else
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }

            i += consumed;
        }

        return builder.ToString();
    }

    /// <summary>Uppercase by the simple invariant mapping (used for CPAN author ids, which are ASCII).</summary>
    public static string ToUpper(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.ToUpperInvariant(rune) != rune)
            {
                return text.ToUpperInvariant();
            }
        }

        return text;
    }

    private static int IndexOfChangingLower(string text)
    {
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c < 0x80)
            {
                if (char.IsAsciiLetterUpper(c))
                {
                    return i;
                }

                i++;
                continue;
            }

            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int consumed);
            if (rune.Value is CapitalIWithDotAbove or CapitalSigma || Rune.ToLowerInvariant(rune) != rune)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    // Unicode 3.13 Final_Sigma: preceded by a cased letter (skipping case-ignorable characters)
    // and not followed by one.
    private static bool IsFinalSigma(string text, int index)
    {
        bool casedBefore = false;
        for (int i = index; i > 0;)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, i), out var rune, out int consumed);
            i -= consumed;
            if (IsCaseIgnorable(rune))
            {
                continue;
            }

            casedBefore = IsCased(rune);
            break;
        }

        if (!casedBefore)
        {
            return false;
        }

        for (int i = index + 1; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out int consumed);
            i += consumed;
            if (IsCaseIgnorable(rune))
            {
                continue;
            }

            return !IsCased(rune);
        }

        return true;
    }

    private static bool IsCased(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || rune.Value is '\'' or '.' or ':' or 0x00B7 or 0x0387 or 0x05F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
