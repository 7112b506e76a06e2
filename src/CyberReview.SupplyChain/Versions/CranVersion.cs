namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="CranOrdering"/>.</summary>
internal sealed class CranVersion(string text, Numeral[] numbers) : PackageVersion(text)
{
    private readonly Numeral[] _numbers = numbers;

    public override VersionOrdering Ordering => CranOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (CranVersion)other;
        int count = Math.Max(_numbers.Length, that._numbers.Length);
        for (int i = 0; i < count; i++)
        {
            var l = i < _numbers.Length ? _numbers[i] : Numeral.Zero;
            var r = i < that._numbers.Length ? that._numbers[i] : Numeral.Zero;
            int order = l.CompareTo(r);
            if (order != 0)
                return order;
        }
        return _numbers.Length.CompareTo(that._numbers.Length);
    }
}
