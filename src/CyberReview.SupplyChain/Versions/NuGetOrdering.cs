namespace CyberReview.SupplyChain.Versions;

/// <summary>NuGet's NuGetVersion: up to four numbers (legacy System.Version style), labels compared ignoring case.</summary>
internal sealed class NuGetOrdering : SemVerLikeOrdering
{
    public static readonly NuGetOrdering Instance = new();

    private NuGetOrdering()
        : base("NuGet")
    {
    }

    protected override int MaxReleaseNumbers => 4;

    internal override bool IgnoresLabelCase => true;
}
