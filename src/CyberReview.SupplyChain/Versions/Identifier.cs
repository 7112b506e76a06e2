namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// One dot-separated identifier of a prerelease or build label, kept as a slice of the version text: numeric
/// identifiers also carry their value.
/// </summary>
internal readonly record struct Identifier(int Start, int Length, bool IsNumeric, Numeral Value)
{
    public static Identifier Read(string text, int start, int length)
    {
        var span = text.AsSpan(start, length);
        return Numeral.IsDigits(span)
            ? new Identifier(start, length, true, Numeral.Parse(span))
            : new Identifier(start, length, false, Numeral.Zero);
    }

    /// <summary>SemVer 2.0 rule 11: numbers numerically, numbers before words, words by ASCII (or ignoring ASCII case).</summary>
    public static int Compare(string leftText, Identifier left, string rightText, Identifier right, bool ignoreCase)
    {
        if (left.IsNumeric && right.IsNumeric)
            return left.Value.CompareTo(right.Value);
        if (left.IsNumeric)
            return -1;
        if (right.IsNumeric)
            return 1;
        var l = leftText.AsSpan(left.Start, left.Length);
        var r = rightText.AsSpan(right.Start, right.Length);
        return ignoreCase ? l.CompareTo(r, StringComparison.OrdinalIgnoreCase) : l.SequenceCompareTo(r);
    }

    /// <summary>Compares two identifier lists element by element; a longer list that agrees on the shorter one's length sorts after.</summary>
    public static int CompareLists(string leftText, Identifier[] left, string rightText, Identifier[] right, bool ignoreCase)
    {
        int common = Math.Min(left.Length, right.Length);
        for (int i = 0; i < common; i++)
        {
            int order = Compare(leftText, left[i], rightText, right[i], ignoreCase);
            if (order != 0)
                return order;
        }
        return left.Length.CompareTo(right.Length);
    }
}
