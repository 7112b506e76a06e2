using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Panels;

/// <summary>
/// What a draw asks for: how many seats, which risk areas the panel must cover between its members, and which
/// kinds of product every member must know.
/// </summary>
public sealed record PanelRule(int Seats, IReadOnlyList<RiskArea> RiskAreas, IReadOnlyList<ProductKind> ProductKinds)
{
    public const int SmallestPanel = 3;
    public const int LargestPanel = 15;

    /// <summary>
    /// Whether a panel of this size may be drawn: odd, so that a majority always exists, and between
    /// <see cref="SmallestPanel"/> and <see cref="LargestPanel"/>.
    /// </summary>
    public static bool IsPanelSize(int seats) => seats is >= SmallestPanel and <= LargestPanel && seats % 2 == 1;
}
