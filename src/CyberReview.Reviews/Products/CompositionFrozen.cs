namespace CyberReview.Reviews.Products;

/// <summary>
/// Why a version's composition may not change: these cases, past Draft, name it. The provider registers a new
/// version instead.
/// </summary>
public sealed record CompositionFrozen(IReadOnlyList<string> CaseNumbers);
