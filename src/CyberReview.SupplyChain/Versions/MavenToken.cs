namespace CyberReview.SupplyChain.Versions;

/// <summary>One token of a Maven version: its separator, and either a number or a normalised (lower-case) qualifier.</summary>
internal readonly record struct MavenToken(MavenSeparator Separator, bool IsNumber, Numeral Number, string Qualifier, bool IsPadding)
{
    /// <summary>The qualifier's place among the known ones (<see cref="Keywords"/>), computed once; unknown ones share the last place.</summary>
    private readonly int _rank = KeywordIndex(Qualifier);

    private static readonly string[] Keywords = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];

    public bool IsTrimmable => IsNumber ? Number.IsZero : Qualifier.Length == 0;

    public static MavenToken Read(ReadOnlySpan<char> piece, MavenSeparator separator, bool followedByDigits)
    {
        if (piece.IsEmpty)
            return new MavenToken(separator, true, Numeral.Zero, "0", false);
        if (Numeral.IsDigits(piece))
        {
            var number = Numeral.Parse(piece);
            return new MavenToken(separator, true, number, number.ToString(), false);
        }
        var qualifier = piece.ToString().ToLowerInvariant() switch
        {
            "cr" => "rc",
            "ga" or "final" or "release" => "",
            "a" when followedByDigits => "alpha",
            "b" when followedByDigits => "beta",
            "m" when followedByDigits => "milestone",
            var other => other,
        };
        return new MavenToken(separator, false, Numeral.Zero, qualifier, false);
    }

    /// <summary>The null token that pads the shorter version opposite <paramref name="other"/>: 0 after ".", "" after "-".</summary>
    public static MavenToken PaddingFor(MavenToken other) => other.Separator switch
    {
        // "sp" is the one qualifier that sorts after the release itself, which a "." null must express as "".
        MavenSeparator.Dot when !other.IsNumber && other.Qualifier == "sp" => new MavenToken(MavenSeparator.Dot, false, Numeral.Zero, "", true),
        MavenSeparator.Dot => new MavenToken(MavenSeparator.Dot, true, Numeral.Zero, "0", true),
        _ => new MavenToken(MavenSeparator.Hyphen, false, Numeral.Zero, "", true),
    };

    public bool SameAs(MavenToken other) =>
        Separator == other.Separator && IsNumber == other.IsNumber
        && (IsNumber ? Number == other.Number : string.Equals(Qualifier, other.Qualifier, StringComparison.Ordinal));

    public bool LessThan(MavenToken other)
    {
        if (Separator == other.Separator)
        {
            if (IsNumber && other.IsNumber)
                return Number < other.Number;
            // Numbers sort after qualifiers, unless the number is padding.
            if (IsNumber && !IsPadding)
                return false;
            if (other.IsNumber && !other.IsPadding)
                return true;
            int left = _rank;
            int right = other._rank;
            if (left == Keywords.Length && right == Keywords.Length)
                return string.CompareOrdinal(Qualifier, other.Qualifier) < 0;
            return left < right;
        }
        return SeparatorRank() < other.SeparatorRank();
    }

    private static int KeywordIndex(string qualifier)
    {
        for (int i = 0; i < Keywords.Length; i++)
        {
            if (string.Equals(Keywords[i], qualifier, StringComparison.Ordinal))
                return i;
        }
        return Keywords.Length;
    }

    /// <summary>".qualifier" &lt; "-qualifier" &lt; "-number" &lt; ".number".</summary>
    private int SeparatorRank() => (IsNumber, Separator) switch
    {
        (true, MavenSeparator.Hyphen) => 2,
        (true, _) => 3,
        (false, MavenSeparator.Hyphen) => 1,
        (false, _) => 0,
    };
}
