namespace CyberReview.SupplyChain.Versions;

/// <summary>Hackage's Data.Version: numbers only, any count, a longer version sorting after its prefix.</summary>
internal sealed class HackageOrdering : SemVerLikeOrdering
{
    public static readonly HackageOrdering Instance = new();

    private HackageOrdering()
        : base("Hackage")
    {
    }

    protected override int MaxReleaseNumbers => int.MaxValue;

    protected override bool AllowsLabels => false;

    internal override bool MoreNumbersSortAfter => true;
}
