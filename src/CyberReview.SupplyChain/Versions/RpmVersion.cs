namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="RpmOrdering"/>: slices of epoch, version and release ("-" included).</summary>
internal sealed class RpmVersion(string text, int epochLength, int versionStart, int releaseStart) : PackageVersion(text)
{
    public override VersionOrdering Ordering => RpmOrdering.Instance;

    private ReadOnlySpan<char> Epoch => epochLength > 0 ? Text.AsSpan(0, epochLength) : "0";

    private ReadOnlySpan<char> VersionPart => releaseStart >= 0 ? Text.AsSpan(versionStart, releaseStart - versionStart) : Text.AsSpan(versionStart);

    private ReadOnlySpan<char> Release => releaseStart >= 0 ? Text.AsSpan(releaseStart) : [];

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (RpmVersion)other;
        int order = RpmOrdering.VerCmp(Epoch, that.Epoch);
        if (order != 0)
            return order;
        order = RpmOrdering.VerCmp(VersionPart, that.VersionPart);
        return order != 0 ? order : RpmOrdering.VerCmp(Release, that.Release);
    }
}
