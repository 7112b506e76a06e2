using System.Text;

namespace CyberReview.SupplyChain.Purls;

/// <summary>Checks on raw component text that do not depend on the purl type.</summary>
internal static class TextRules
{
    /// <summary>The index of the first lone surrogate, or <see langword="null"/> if the text is well-formed UTF-16.</summary>
    public static int? FindIllFormedUtf16(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[i..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
            int next = text[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + next;
        }

        return null;
    }

    public static PackageUrlFailure IllFormed(PackageUrlComponent component, ReadOnlySpan<char> text, int index) =>
        new(
            PackageUrlError.InvalidCharacter,
            component,
            $"the {PackageUrlFailure.Name(component)} contains a lone surrogate U+{(int)text[index]:X4}, which is not a character");

    public static bool IsTypeCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    public static bool IsQualifierKeyCharacter(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_';
}
