using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Panels;

/// <summary>An expert who could sit on the panel, with the expertise they declared at the time of the draw.</summary>
public sealed record PanelCandidate(Guid ExpertId, IReadOnlyList<RiskArea> RiskAreas, IReadOnlyList<ProductKind> ProductKinds)
{
    /// <summary>Whether the expert knows every kind of product under review and at least one of the risk areas the panel covers.</summary>
    public bool Fits(PanelRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.ProductKinds.All(ProductKinds.Contains) && rule.RiskAreas.Any(RiskAreas.Contains);
    }
}
