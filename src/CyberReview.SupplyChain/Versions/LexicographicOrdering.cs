using System.Text;

namespace CyberReview.SupplyChain.Versions;

/// <summary>The vers "lexicographic" scheme: strings ordered by their UTF-8 bytes, without normalisation.</summary>
internal sealed class LexicographicOrdering : VersionOrdering
{
    public static readonly LexicographicOrdering Instance = new();

    private LexicographicOrdering()
        : base("lexicographic")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (!IsWellFormed(text))
            return "it holds an unpaired surrogate, which is not text.";
        version = new LexicographicVersion(text);
        return null;
    }

    private static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out _, out int used) != System.Buffers.OperationStatus.Done)
                return false;
            text = text[used..];
        }
        return true;
    }

    /// <summary>UTF-8 byte order is code point order; UTF-16 code units differ from it only around surrogates.</summary>
    internal static int CompareCodePoints(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        while (!left.IsEmpty && !right.IsEmpty)
        {
            Rune.DecodeFromUtf16(left, out var l, out int leftUsed);
            Rune.DecodeFromUtf16(right, out var r, out int rightUsed);
            if (l.Value != r.Value)
                return l.Value.CompareTo(r.Value);
            left = left[leftUsed..];
            right = right[rightUsed..];
        }
        return left.Length.CompareTo(right.Length);
    }
}
