namespace CyberReview.Reviews.Products;

/// <summary>The fields a provider fills in for a product, a version and a component; problems name one of them.</summary>
public enum ProductField
{
    Name,
    Kind,
    Description,
    Version,
    ReleasedOn,
    Supplier,
    CountryOfOrigin,
    Purl,
}
