namespace CyberReview.SupplyChain.Versions;

/// <summary>A version read by <see cref="MavenOrdering"/>: its tokens after trimming.</summary>
internal sealed class MavenVersion(string text, MavenToken[] tokens) : PackageVersion(text)
{
    public override VersionOrdering Ordering => MavenOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other)
    {
        var that = (MavenVersion)other;
        var right = that.Tokens;
        int count = Math.Max(Tokens.Length, right.Length);
        for (int i = 0; i < count; i++)
        {
            if (i < Tokens.Length && i < right.Length)
            {
                ref readonly var l = ref Tokens[i];
                ref readonly var r = ref right[i];
                if (l.SameAs(r))
                    continue;
                return l.LessThan(r) ? -1 : 1;
            }
            var left = i < Tokens.Length ? Tokens[i] : MavenToken.PaddingFor(right[i]);
            var padded = i < right.Length ? right[i] : MavenToken.PaddingFor(Tokens[i]);
            if (left.SameAs(padded))
                continue;
            return left.LessThan(padded) ? -1 : 1;
        }
        return 0;
    }

    private MavenToken[] Tokens { get; } = tokens;
}
