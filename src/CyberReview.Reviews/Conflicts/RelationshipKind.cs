namespace CyberReview.Reviews.Conflicts;

/// <summary>How an expert or evaluator is tied to a provider.</summary>
public enum RelationshipKind
{
    /// <summary>Works, or worked in the last three years, for the provider.</summary>
    Employment,
    /// <summary>Holds shares or other financial interest in the provider.</summary>
    FinancialInterest,
    /// <summary>Advised, consulted for or tested for the provider for pay.</summary>
    PaidWork,
    /// <summary>A close relative works for the provider in a position of influence.</summary>
    Family,
    /// <summary>Any other tie that could make the person appear partial.</summary>
    Other,
}
