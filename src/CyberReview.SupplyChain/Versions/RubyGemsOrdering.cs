namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// RubyGems' Gem::Version: segments split at "." and at every change between digits and letters; "-" stands for
/// ".pre."; trailing zeros are dropped from the numeric part and from the part after the first letter segment;
/// numbers compare numerically, letters by ASCII, and a number sorts after letters (so "1.0.a" &lt; "1.0").
/// </summary>
internal sealed class RubyGemsOrdering : VersionOrdering
{
    public static readonly RubyGemsOrdering Instance = new();

    private RubyGemsOrdering()
        : base("RubyGems")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return "it is blank.";
        if (!Numeral.IsDigit(trimmed[0]))
            return "it does not start with a number.";
        foreach (var c in trimmed)
        {
            if (!Numeral.IsDigit(c) && !Numeral.IsLetter(c) && c is not ('.' or '-'))
                return $"'{c}' is not allowed (only ASCII letters, digits, '.' and '-').";
        }
        var normalised = trimmed.Replace("-", ".pre.", StringComparison.Ordinal);

        var segments = new List<Segment>();
        for (int i = 0; i < normalised.Length;)
        {
            if (normalised[i] == '.')
            {
                if (i == 0 || normalised[i - 1] == '.' || i == normalised.Length - 1)
                    return "it has an empty segment.";
                i++;
                continue;
            }
            int start = i;
            bool digits = Numeral.IsDigit(normalised[i]);
            while (i < normalised.Length && normalised[i] != '.' && Numeral.IsDigit(normalised[i]) == digits)
                i++;
            segments.Add(Segment.Read(normalised, start, i - start));
        }

        // Canonical segments: trailing zeros dropped from the numeric part and from the rest, separately.
        int firstLetter = segments.FindIndex(segment => !segment.IsNumber);
        if (firstLetter < 0)
            firstLetter = segments.Count;
        var numbers = segments.GetRange(0, firstLetter);
        var rest = segments.GetRange(firstLetter, segments.Count - firstLetter);
        DropTrailingZeros(numbers);
        DropTrailingZeros(rest);
        numbers.AddRange(rest);
        version = new RubyGemsVersion(text, normalised, [.. numbers]);
        return null;
    }

    private static void DropTrailingZeros(List<Segment> segments)
    {
        while (segments.Count > 0 && segments[^1].IsNumber && segments[^1].Number.IsZero)
            segments.RemoveAt(segments.Count - 1);
    }
}
