namespace CyberReview.SupplyChain.Versions;

/// <summary>SemVer 2.0 (npm, crates.io, Go, Hex and others).</summary>
internal sealed class SemVerOrdering : SemVerLikeOrdering
{
    public static readonly SemVerOrdering Instance = new();

    private SemVerOrdering()
        : base("SemVer")
    {
    }

    protected override int MaxReleaseNumbers => 3;

    protected override bool IgnoresExtraReleaseNumbers => true;
}
