namespace CyberReview.Reviews.Products;

/// <summary>
/// A component of a product version as a provider describes it. <paramref name="IsKey"/> marks the key (critical)
/// components of Art. 4(2), whose research, delivery and support the review looks at as supply-chain risks.
/// </summary>
public sealed record ComponentParticulars(string? Name, string? Version, string? Supplier, string? CountryOfOrigin, string? Purl, bool IsKey);
