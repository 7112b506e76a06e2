namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// The orderings built on SemVer's shape — release numbers, then an optional prerelease label after "-", then
/// build metadata after "+" — which differ in how many release numbers they allow, whether labels ignore case,
/// and whether build metadata orders.
/// </summary>
internal abstract class SemVerLikeOrdering : VersionOrdering
{
    private protected SemVerLikeOrdering(string name)
        : base(name)
    {
    }

    /// <summary>Release numbers that count; more are refused, or ignored when <see cref="IgnoresExtraReleaseNumbers"/>.</summary>
    protected abstract int MaxReleaseNumbers { get; }

    /// <summary>
    /// osv-scanner reads "1.1.3.4.5" as 1.1.3 for SemVer ecosystems; the numbers past the third are kept in the text
    /// but do not order.
    /// </summary>
    protected virtual bool IgnoresExtraReleaseNumbers => false;

    protected virtual bool AllowsLabels => true;

    internal virtual bool IgnoresLabelCase => false;

    internal virtual bool BuildOrders => false;

    /// <summary>Hackage: when the numbers agree as far as both go, the version with more numbers is greater.</summary>
    internal virtual bool MoreNumbersSortAfter => false;

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        int i = text[0] is 'v' or 'V' && AllowsLabels ? 1 : 0;
        var release = new List<Numeral>(4);
        while (true)
        {
            int start = i;
            while (i < text.Length && Numeral.IsDigit(text[i]))
                i++;
            if (i == start)
                return release.Count == 0 ? "it does not start with a number." : "a release number is empty.";
            if (release.Count < MaxReleaseNumbers)
                release.Add(Numeral.Parse(text.AsSpan(start, i - start)));
            else if (!IgnoresExtraReleaseNumbers)
                return $"it has more than {MaxReleaseNumbers} release numbers.";
            if (i < text.Length && text[i] == '.')
            {
                i++;
                continue;
            }
            break;
        }

        Identifier[] prerelease = [];
        Identifier[] build = [];
        if (i < text.Length)
        {
            if (!AllowsLabels)
                return $"'{text[i]}' follows the numbers; only numbers separated by dots are allowed.";
            int plus = text.IndexOf('+', i);
            int labelEnd = plus < 0 ? text.Length : plus;
            // "1.0.0beta" is read as "1.0.0-beta", the way node-semver's loose mode and osv-scanner read it.
            int labelStart = text[i] == '-' ? i + 1 : i;
            if (labelStart < labelEnd || text[i] == '-')
            {
                var reason = ReadIdentifiers(text, labelStart, labelEnd, "prerelease", out prerelease);
                if (reason is not null)
                    return reason;
            }
            if (plus >= 0)
            {
                var reason = ReadIdentifiers(text, plus + 1, text.Length, "build", out build);
                if (reason is not null)
                    return reason;
            }
        }
        version = new SemVerLikeVersion(text, this, [.. release], prerelease, build);
        return null;
    }

    private static string? ReadIdentifiers(string text, int start, int end, string part, out Identifier[] identifiers)
    {
        identifiers = [];
        var list = new List<Identifier>();
        int from = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && text[i] != '.')
            {
                char c = text[i];
                if (!Numeral.IsDigit(c) && !Numeral.IsLetter(c) && c != '-')
                    return $"'{c}' is not allowed in the {part} label (only ASCII letters, digits, '-' and '.').";
                continue;
            }
            if (i == from)
                return $"the {part} label has an empty identifier.";
            list.Add(Identifier.Read(text, from, i - from));
            from = i + 1;
        }
        identifiers = [.. list];
        return null;
    }
}
