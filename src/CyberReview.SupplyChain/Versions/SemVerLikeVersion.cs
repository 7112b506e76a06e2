namespace CyberReview.SupplyChain.Versions;

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
