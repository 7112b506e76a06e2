namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// PHP's version_compare as Composer and Packagist use it: a leading "v" is dropped, "-", "_" and "+" become ".",
/// a "." is put between digits and other characters, and the parts compare in turn: numbers numerically, special
/// words by the rank of the special form they start with (dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; # (a number)
/// &lt; pl = p; any other word below dev, as PHP ranks it), and a longer version by what its extra part is worth
/// against "#".
/// </summary>
internal sealed class ComposerOrdering : VersionOrdering
{
    public static readonly ComposerOrdering Instance = new();

    /// <summary>The rank of a number when it meets a special word; "#" stands for it.</summary>
    internal const int NumberRank = 4;

    private ComposerOrdering()
        : base("Composer")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (text.AsSpan().ContainsAny(" \t\r\n"))
            return "it contains whitespace.";

        var source = text.AsSpan(text[0] is 'v' or 'V' ? 1 : 0);
        var canonical = new System.Text.StringBuilder(source.Length * 2);
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i] is '-' or '_' or '+' ? '.' : source[i];
            if (canonical.Length > 0 && c != '.' && canonical[^1] != '.' && Numeral.IsDigit(c) != Numeral.IsDigit(canonical[^1]))
                canonical.Append('.');
            canonical.Append(c);
        }
        var normalised = canonical.ToString();

        var parts = new List<ComposerPart>();
        int from = 0;
        for (int i = 0; i <= normalised.Length; i++)
        {
            if (i < normalised.Length && normalised[i] != '.')
                continue;
            var piece = normalised.AsSpan(from, i - from);
            parts.Add(Numeral.IsDigits(piece) ? new ComposerPart(true, Numeral.Parse(piece), NumberRank) : new ComposerPart(false, Numeral.Zero, Rank(piece)));
            from = i + 1;
        }
        version = new ComposerVersion(text, [.. parts]);
        return null;
    }

    private static int Rank(ReadOnlySpan<char> word)
    {
        if (word.StartsWith("RC", StringComparison.Ordinal))
            return 3;
        ReadOnlySpan<string> specials = ["dev", "a", "b", "rc", "#", "p"];
        for (int i = 0; i < specials.Length; i++)
        {
            if (word.StartsWith(specials[i], StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
