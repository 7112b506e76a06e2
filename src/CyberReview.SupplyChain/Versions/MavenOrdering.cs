namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// Maven's ComparableVersion: the version splits into tokens at ".", "-" and every change between digits and
/// other characters (such a change counts as "-"); qualifiers ignore case, "a1"/"b1"/"m1" stand for
/// alpha/beta/milestone, "cr" is "rc", "ga", "final" and "release" are the release itself; trailing null tokens
/// are trimmed before each hyphen; the shorter version is padded with nulls matching the other's separators; and
/// ".qualifier" &lt; "-qualifier" &lt; "-number" &lt; ".number", with alpha &lt; beta &lt; milestone &lt; rc &lt;
/// snapshot &lt; release &lt; sp &lt; other qualifiers (alphabetically).
/// </summary>
internal sealed class MavenOrdering : VersionOrdering
{
    public static readonly MavenOrdering Instance = new();

    private MavenOrdering()
        : base("Maven")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (text.AsSpan().ContainsAny(" \t\r\n"))
            return "it contains whitespace.";

        var tokens = new List<MavenToken>();
        int rawStart = 0;
        var prefix = MavenSeparator.None;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '-'))
                continue;
            AddRawToken(tokens, text.AsSpan(rawStart, i - rawStart), prefix);
            if (i < text.Length)
                prefix = text[i] == '.' ? MavenSeparator.Dot : MavenSeparator.Hyphen;
            rawStart = i + 1;
        }

        // Trailing nulls are trimmed from the end, and again before each remaining hyphen, from the end to the start.
        int index = tokens.Count - 1;
        while (index > 0)
        {
            if (tokens[index].IsTrimmable)
            {
                tokens.RemoveAt(index);
                index--;
                continue;
            }
            while (index >= 0 && tokens[index].Separator != MavenSeparator.Hyphen)
                index--;
            index--;
        }

        version = new MavenVersion(text, [.. tokens]);
        return null;
    }

    private static void AddRawToken(List<MavenToken> tokens, ReadOnlySpan<char> raw, MavenSeparator prefix)
    {
        int start = 0;
        for (int end = 1; end <= raw.Length; end++)
        {
            bool transition = end < raw.Length && Numeral.IsDigit(raw[end]) != Numeral.IsDigit(raw[end - 1]);
            if (end < raw.Length && !transition)
                continue;
            var piece = raw[start..end];
            tokens.Add(MavenToken.Read(piece, start == 0 ? prefix : MavenSeparator.Hyphen, followedByDigits: end < raw.Length));
            start = end;
        }
        if (raw.IsEmpty)
            tokens.Add(MavenToken.Read([], prefix, followedByDigits: false));
    }
}
