namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="ApkOrdering"/>.</summary>
internal sealed class ApkVersion(string text, ApkNumber[] numbers, char letter, ApkSuffix[] suffixes, Numeral build, bool fits, bool hasTail)
    : PackageVersion(text)
{
    private readonly ApkNumber[] _numbers = numbers;
    private readonly char _letter = letter;
    private readonly ApkSuffix[] _suffixes = suffixes;
    private readonly Numeral _build = build;
    private readonly bool _fits = fits;
    private readonly bool _hasTail = hasTail;

    public override VersionOrdering Ordering => ApkOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (ApkVersion)other;
        if (!_fits && !that._fits)
            return string.CompareOrdinal(Text, that.Text);

        int count = Math.Max(_numbers.Length, that._numbers.Length);
        for (int i = 0; i < count; i++)
        {
            int order = CompareNumbers(that, i);
            if (order != 0)
                return order;
        }

        if (_letter != that._letter)
            return _letter.CompareTo(that._letter);

        count = Math.Max(_suffixes.Length, that._suffixes.Length);
        for (int i = 0; i < count; i++)
        {
            var l = i < _suffixes.Length ? _suffixes[i] : new ApkSuffix(ApkOrdering.NoSuffix, Numeral.Zero);
            var r = i < that._suffixes.Length ? that._suffixes[i] : new ApkSuffix(ApkOrdering.NoSuffix, Numeral.Zero);
            int order = l.Rank != r.Rank ? l.Rank.CompareTo(r.Rank) : l.Number.CompareTo(r.Number);
            if (order != 0)
                return order;
        }

        int buildOrder = _build.CompareTo(that._build);
        if (buildOrder != 0)
            return buildOrder;
        return (that._hasTail ? 1 : 0) - (_hasTail ? 1 : 0);
    }

    private int CompareNumbers(ApkVersion that, int i)
    {
        bool hasLeft = i < _numbers.Length;
        bool hasRight = i < that._numbers.Length;
        if (hasLeft && hasRight && i > 0)
        {
            var l = _numbers[i];
            var r = that._numbers[i];
            // After the first number, a leading zero makes both compare as decimal fractions (as strings).
            if (Text[l.Start] == '0' || that.Text[r.Start] == '0')
                return Text.AsSpan(l.Start, l.Length).SequenceCompareTo(that.Text.AsSpan(r.Start, r.Length));
        }
        var left = hasLeft ? _numbers[i].Value : Numeral.Zero;
        var right = hasRight ? that._numbers[i].Value : Numeral.Zero;
        return left.CompareTo(right);
    }
}
