namespace CyberReview.SupplyChain.Purls;

/// <summary>Whether a type definition requires, allows or prohibits a component (the definitions' <c>requirement</c>).</summary>
internal enum ComponentRequirement
{
    Optional = 0,
    Required,
    Prohibited,
}
