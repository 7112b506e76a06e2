namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="ComposerOrdering"/>.</summary>
internal sealed class ComposerVersion(string text, ComposerPart[] parts) : PackageVersion(text)
{
    private static readonly ComposerPart[] Hash = [new(false, Numeral.Zero, ComposerOrdering.NumberRank)];

    private readonly ComposerPart[] _parts = parts;

    public override VersionOrdering Ordering => ComposerOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other) => Compare(_parts, ((ComposerVersion)other)._parts);

    private static int Compare(ReadOnlySpan<ComposerPart> left, ReadOnlySpan<ComposerPart> right)
    {
        while (true)
        {
            int common = Math.Min(left.Length, right.Length);
            for (int i = 0; i < common; i++)
            {
                var l = left[i];
                var r = right[i];
                int order = l.IsNumber && r.IsNumber ? l.Number.CompareTo(r.Number) : l.Rank.CompareTo(r.Rank);
                if (order != 0)
                    return Math.Sign(order);
            }
            if (left.Length == right.Length)
                return 0;
            // The longer version wins if its next part is a number; otherwise its rest is weighed against "#".
            if (left.Length > right.Length)
            {
                if (left[common].IsNumber)
                    return 1;
                left = left[common..];
                right = Hash;
            }
            else
            {
                if (right[common].IsNumber)
                    return -1;
                left = Hash;
                right = right[common..];
            }
        }
    }
}
