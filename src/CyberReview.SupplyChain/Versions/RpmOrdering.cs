namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// RPM's ordering: [epoch:]version[-release], each part compared by rpmvercmp — runs of digits numerically, runs of
/// letters by ASCII, a digit run newer than a letter run, separators ignored, "~" older than anything (even the
/// end), "^" newer than the end but older than anything else. A missing epoch is 0; a missing release sorts first.
/// A prefix before ':' that is not a number is not an epoch (module streams such as "1.m+e2:1").
/// </summary>
internal sealed class RpmOrdering : VersionOrdering
{
    public static readonly RpmOrdering Instance = new();

    private RpmOrdering()
        : base("RPM")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        if (text.AsSpan().ContainsAny(" \t\r\n"))
            return "it contains whitespace.";
        int epochLength = -1;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && !text.AsSpan(0, colon).ContainsAnyExceptInRange('0', '9'))
            epochLength = colon;
        int versionStart = epochLength >= 0 ? colon + 1 : 0;
        // The release, with its hyphen, starts at the first '-' (as osv-scanner reads it).
        int hyphen = text.IndexOf('-', versionStart);
        version = new RpmVersion(text, epochLength, versionStart, hyphen);
        return null;
    }

    /// <summary>rpmvercmp; an empty part is older than a non-empty one.</summary>
    internal static int VerCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.IsEmpty || b.IsEmpty)
            return (a.IsEmpty ? 0 : 1) - (b.IsEmpty ? 0 : 1);
        int i = 0;
        int j = 0;
        while (true)
        {
            while (i < a.Length && Separator(a[i]))
                i++;
            while (j < b.Length && Separator(b[j]))
                j++;

            bool aTilde = i < a.Length && a[i] == '~';
            bool bTilde = j < b.Length && b[j] == '~';
            if (aTilde && bTilde)
            {
                i++;
                j++;
                continue;
            }
            if (aTilde)
                return -1;
            if (bTilde)
                return 1;

            bool aCaret = i < a.Length && a[i] == '^';
            bool bCaret = j < b.Length && b[j] == '^';
            if (aCaret && bCaret)
            {
                i++;
                j++;
                continue;
            }
            if (aCaret)
                return j == b.Length ? 1 : -1;
            if (bCaret)
                return i == a.Length ? -1 : 1;

            if (i == a.Length || j == b.Length)
                break;

            bool digits = Numeral.IsDigit(a[i]);
            int aStart = i;
            int bStart = j;
            while (i < a.Length && (digits ? Numeral.IsDigit(a[i]) : Numeral.IsLetter(a[i])))
                i++;
            while (j < b.Length && (digits ? Numeral.IsDigit(b[j]) : Numeral.IsLetter(b[j])))
                j++;
            if (j == bStart)
                return digits ? 1 : -1;

            var aRun = a[aStart..i];
            var bRun = b[bStart..j];
            if (digits)
            {
                aRun = aRun.TrimStart('0');
                bRun = bRun.TrimStart('0');
                if (aRun.Length != bRun.Length)
                    return aRun.Length > bRun.Length ? 1 : -1;
            }
            int order = aRun.SequenceCompareTo(bRun);
            if (order != 0)
                return Math.Sign(order);
        }
        int aLeft = a.Length - i;
        int bLeft = b.Length - j;
        return aLeft.CompareTo(bLeft);
    }

    private static bool Separator(char c) => !Numeral.IsLetter(c) && !Numeral.IsDigit(c) && c is not ('~' or '^');
}
