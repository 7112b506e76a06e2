namespace CyberReview.SupplyChain.Versions;

/// <summary>A version of the datetime scheme: the instant in UTC ticks.</summary>
internal sealed class DateTimeVersion(string text, long utcTicks) : PackageVersion(text)
{
    private readonly long _utcTicks = utcTicks;

    public override VersionOrdering Ordering => DateTimeOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other) => _utcTicks.CompareTo(((DateTimeVersion)other)._utcTicks);
}
