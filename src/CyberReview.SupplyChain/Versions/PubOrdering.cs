namespace CyberReview.SupplyChain.Versions;

/// <summary>Dart's pub_semver: SemVer in which build metadata orders too (a version with build sorts after one without).</summary>
internal sealed class PubOrdering : SemVerLikeOrdering
{
    public static readonly PubOrdering Instance = new();

    private PubOrdering()
        : base("Pub")
    {
    }

    protected override int MaxReleaseNumbers => 3;

    protected override bool IgnoresExtraReleaseNumbers => true;

    internal override bool BuildOrders => true;
}
