namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="RubyGemsOrdering"/>: its canonical segments.</summary>
internal sealed class RubyGemsVersion(string text, string normalised, Segment[] segments) : PackageVersion(text)
{
    private readonly string _normalised = normalised;
    private readonly Segment[] _segments = segments;

    public override VersionOrdering Ordering => RubyGemsOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (RubyGemsVersion)other;
        int count = Math.Max(_segments.Length, that._segments.Length);
        for (int i = 0; i < count; i++)
        {
            // A missing segment is 0.
            bool leftNumber = i >= _segments.Length || _segments[i].IsNumber;
            bool rightNumber = i >= that._segments.Length || that._segments[i].IsNumber;
            if (leftNumber && rightNumber)
            {
                var l = i < _segments.Length ? _segments[i].Number : Numeral.Zero;
                var r = i < that._segments.Length ? that._segments[i].Number : Numeral.Zero;
                int order = l.CompareTo(r);
                if (order != 0)
                    return order;
            }
            else if (!leftNumber && !rightNumber)
            {
                int order = _segments[i].In(_normalised).SequenceCompareTo(that._segments[i].In(that._normalised));
                if (order != 0)
                    return order;
            }
            else
            {
                return leftNumber ? 1 : -1;
            }
        }
        return 0;
    }
}
