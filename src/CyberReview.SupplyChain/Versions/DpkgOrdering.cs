namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// dpkg's ordering (deb-version(7)): [epoch:]upstream[-revision]. The epoch compares as a number; upstream and
/// revision by verrevcmp: alternating runs of non-digits, compared character by character with "~" before the end
/// of the string, the end before letters and letters before other characters, and runs of digits, compared as
/// numbers. A missing revision equals "0".
/// </summary>
internal sealed class DpkgOrdering : VersionOrdering
{
    public static readonly DpkgOrdering Instance = new();

    private DpkgOrdering()
        : base("dpkg")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return "it is blank.";
        var epoch = Numeral.Zero;
        int start = 0;
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var epochText = trimmed.AsSpan(0, colon);
            if (!Numeral.IsDigits(epochText))
                return "the epoch before ':' is not a number.";
            epoch = Numeral.Parse(epochText);
            start = colon + 1;
        }
        int hyphen = trimmed.LastIndexOf('-');
        int upstreamEnd = hyphen >= start ? hyphen : trimmed.Length;
        if (upstreamEnd == start)
            return "the upstream version is empty.";
        if (hyphen >= start && hyphen == trimmed.Length - 1)
            return "the revision after the last '-' is empty.";
        for (int i = start; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (!Numeral.IsDigit(c) && !Numeral.IsLetter(c) && c is not ('.' or '+' or '~' or '-' or ':'))
                return $"'{c}' is not allowed in a Debian version.";
        }
        version = new DpkgVersion(
            text, trimmed, epoch, start, upstreamEnd - start,
            hyphen >= start ? hyphen + 1 : trimmed.Length, hyphen >= start ? trimmed.Length - hyphen - 1 : 0);
        return null;
    }

    /// <summary>dpkg's verrevcmp.</summary>
    internal static int VerRevCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0;
        int j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !Numeral.IsDigit(a[i])) || (j < b.Length && !Numeral.IsDigit(b[j])))
            {
                int ac = Order(a, i);
                int bc = Order(b, j);
                if (ac != bc)
                    return ac - bc;
                i++;
                j++;
            }
            while (i < a.Length && a[i] == '0')
                i++;
            while (j < b.Length && b[j] == '0')
                j++;
            int firstDifference = 0;
            while (i < a.Length && Numeral.IsDigit(a[i]) && j < b.Length && Numeral.IsDigit(b[j]))
            {
                if (firstDifference == 0)
                    firstDifference = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.Length && Numeral.IsDigit(a[i]))
                return 1;
            if (j < b.Length && Numeral.IsDigit(b[j]))
                return -1;
            if (firstDifference != 0)
                return firstDifference;
        }
        return 0;
    }

    private static int Order(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
            return 0;
        char c = text[index];
        return Numeral.IsDigit(c) ? 0 : Numeral.IsLetter(c) ? c : c == '~' ? -1 : c + 256;
    }
}
