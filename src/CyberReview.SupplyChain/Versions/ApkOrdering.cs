namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// apk-tools' ordering (Alpine, Wolfi, Chainguard): number{.number}[letter]{_suffix[number]}[~hash][-r number].
/// Numbers after the first compare as decimal fractions when either starts with "0"; a letter sorts after none;
/// suffixes rank alpha &lt; beta &lt; pre &lt; rc &lt; (none) &lt; cvs &lt; svn &lt; git &lt; hg &lt; p; the hash does not order.
/// Text that does not fit the pattern is kept: two such versions compare as strings, and otherwise the version
/// that fits sorts after one with the same leading parts and a left-over tail — as apk and osv-scanner do.
/// </summary>
internal sealed class ApkOrdering : VersionOrdering
{
    public static readonly ApkOrdering Instance = new();

    private static readonly string[] Suffixes = ["alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"];

    private ApkOrdering()
        : base("apk")
    {
    }

    /// <summary>The rank of "no suffix".</summary>
    internal const int NoSuffix = 4;

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (text.AsSpan().ContainsAny(" \t\r\n"))
            return "it contains whitespace.";

        int i = 0;
        var numbers = new List<ApkNumber>();
        while (i < text.Length && Numeral.IsDigit(text[i]))
        {
            int start = i;
            while (i < text.Length && Numeral.IsDigit(text[i]))
                i++;
            numbers.Add(new ApkNumber(numbers.Count, start, i - start, Numeral.Parse(text.AsSpan(start, i - start))));
            if (i + 1 < text.Length && text[i] == '.' && Numeral.IsDigit(text[i + 1]))
                i++;
            else
                break;
        }

        char letter = '\0';
        if (i < text.Length && text[i] is >= 'a' and <= 'z')
            letter = text[i++];

        var suffixes = new List<ApkSuffix>();
        while (i < text.Length && text[i] == '_')
        {
            int rank = -1;
            int length = 0;
            // "pre" before "p": the longest name that matches.
            for (int s = 0; s < Suffixes.Length; s++)
            {
                var name = Suffixes[s];
                if (name.Length > length && string.CompareOrdinal(text, i + 1, name, 0, name.Length) == 0)
                {
                    rank = s;
                    length = name.Length;
                }
            }
            if (rank < 0)
                break;
            int digits = i + 1 + length;
            int end = digits;
            while (end < text.Length && Numeral.IsDigit(text[end]))
                end++;
            suffixes.Add(new ApkSuffix(rank, Numeral.Parse(text.AsSpan(digits, end - digits))));
            i = end;
        }

        if (i + 1 < text.Length && text[i] == '~' && IsHex(text[i + 1]))
        {
            i++;
            while (i < text.Length && IsHex(text[i]))
                i++;
        }

        var build = Numeral.Zero;
        bool fits = true;
        if (i < text.Length)
        {
            if (i + 1 < text.Length && text[i] == '-' && text[i + 1] == 'r')
            {
                int digits = i + 2;
                int end = digits;
                while (end < text.Length && Numeral.IsDigit(text[end]))
                    end++;
                build = Numeral.Parse(text.AsSpan(digits, end - digits));
                i = end;
            }
            else
            {
                fits = false;
            }
        }

        version = new ApkVersion(text, [.. numbers], letter, [.. suffixes], build, fits, hasTail: i < text.Length);
        return null;
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
}
