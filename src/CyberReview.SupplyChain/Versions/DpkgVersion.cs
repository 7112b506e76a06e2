namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="DpkgOrdering"/>: the epoch and the slices of upstream version and revision.</summary>
internal sealed class DpkgVersion(string text, string trimmed, Numeral epoch, int upstreamStart, int upstreamLength, int revisionStart, int revisionLength)
    : PackageVersion(text)
{
    private readonly string _trimmed = trimmed;
    private readonly Numeral _epoch = epoch;

    public override VersionOrdering Ordering => DpkgOrdering.Instance;

    private ReadOnlySpan<char> Upstream => _trimmed.AsSpan(upstreamStart, upstreamLength);

    private ReadOnlySpan<char> Revision => _trimmed.AsSpan(revisionStart, revisionLength);

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (DpkgVersion)other;
        int order = _epoch.CompareTo(that._epoch);
        if (order != 0)
            return order;
        order = DpkgOrdering.VerRevCmp(Upstream, that.Upstream);
        return order != 0 ? order : DpkgOrdering.VerRevCmp(Revision, that.Revision);
    }
}
