namespace CyberReview.SupplyChain.Versions;

/// <summary>A version of the lexicographic scheme.</summary>
internal sealed class LexicographicVersion(string text) : PackageVersion(text)
{
    public override VersionOrdering Ordering => LexicographicOrdering.Instance;

    private protected override int CompareSameOrdering(PackageVersion other) => LexicographicOrdering.CompareCodePoints(Text, other.Text);
}
