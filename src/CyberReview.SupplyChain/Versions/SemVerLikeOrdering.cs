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

/// <summary>A version read by a <see cref="SemVerLikeOrdering"/>.</summary>
internal sealed class SemVerLikeVersion : PackageVersion
{
    private readonly SemVerLikeOrdering _ordering;

    public SemVerLikeVersion(string text, SemVerLikeOrdering ordering, Numeral[] release, Identifier[] prerelease, Identifier[] build)
        : base(text)
    {
        _ordering = ordering;
        Release = release;
        Prerelease = prerelease;
        Build = build;
    }

    public Numeral[] Release { get; }

    public Identifier[] Prerelease { get; }

    public Identifier[] Build { get; }

    public override VersionOrdering Ordering => _ordering;

    public Numeral Number(int index) => index < Release.Length ? Release[index] : Numeral.Zero;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (SemVerLikeVersion)other;
        int count = Math.Max(Release.Length, that.Release.Length);
        for (int i = 0; i < count; i++)
        {
            int order = Number(i).CompareTo(that.Number(i));
            if (order != 0)
                return order;
        }
        if (_ordering.MoreNumbersSortAfter && Release.Length != that.Release.Length)
            return Release.Length.CompareTo(that.Release.Length);

        // SemVer 2.0 rule 11.3: a version without a prerelease label sorts after one with it.
        if (Prerelease.Length == 0 || that.Prerelease.Length == 0)
        {
            int order = that.Prerelease.Length.CompareTo(Prerelease.Length);
            if (order != 0)
                return Math.Sign(order);
        }
        else
        {
            int order = Identifier.CompareLists(Text, Prerelease, that.Text, that.Prerelease, _ordering.IgnoresLabelCase);
            if (order != 0)
                return order;
        }
        return _ordering.BuildOrders ? Identifier.CompareLists(Text, Build, that.Text, that.Build, ignoreCase: false) : 0;
    }
}

/// <summary>SemVer 2.0 (npm, crates.io, Go, Hex and others).</summary>
internal sealed class SemVerOrdering : SemVerLikeOrdering
{
    public static readonly SemVerOrdering Instance = new();

    private SemVerOrdering()
        : base("SemVer")
    {
    }

    protected override int MaxReleaseNumbers => 3;

    protected override bool IgnoresExtraReleaseNumbers => true;
}

/// <summary>NuGet's NuGetVersion: up to four numbers (legacy System.Version style), labels compared ignoring case.</summary>
internal sealed class NuGetOrdering : SemVerLikeOrdering
{
    public static readonly NuGetOrdering Instance = new();

    private NuGetOrdering()
        : base("NuGet")
    {
    }

    protected override int MaxReleaseNumbers => 4;

    internal override bool IgnoresLabelCase => true;
}

/// <summary>Dart's pub_semver: SemVer in which build metadata orders too (a version with build sorts after one without).</summary>
internal sealed class PubOrdering : SemVerLikeOrdering
{
    public static readonly PubOrdering Instance = new();

    private PubOrdering()
        : base("Pub")
    {
    }

    protected override int MaxReleaseNumbers => 3;

    protected override bool IgnoresExtraReleaseNumbers => true;

    internal override bool BuildOrders => true;
}

/// <summary>Hackage's Data.Version: numbers only, any count, a longer version sorting after its prefix.</summary>
internal sealed class HackageOrdering : SemVerLikeOrdering
{
    public static readonly HackageOrdering Instance = new();

    private HackageOrdering()
        : base("Hackage")
    {
    }

    protected override int MaxReleaseNumbers => int.MaxValue;

    protected override bool AllowsLabels => false;

    internal override bool MoreNumbersSortAfter => true;
}
