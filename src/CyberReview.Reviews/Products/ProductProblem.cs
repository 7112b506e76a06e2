namespace CyberReview.Reviews.Products;

/// <summary>What is wrong with a product, version or component as entered; each problem names its field.</summary>
public abstract record ProductProblem
{
    private ProductProblem() { }

    /// <summary>The field the problem is in.</summary>
    public abstract ProductField Field { get; }

    /// <summary>The field is empty or blank, and must be filled in.</summary>
    public sealed record Required(ProductField Field) : ProductProblem
    {
        public override ProductField Field { get; } = Field;
    }

    /// <summary>The field is longer than <paramref name="MaxLength"/> characters.</summary>
    public sealed record TooLong(ProductField Field, int MaxLength) : ProductProblem
    {
        public override ProductField Field { get; } = Field;
    }

    /// <summary>The value is not one the field takes (an undefined product kind).</summary>
    public sealed record NotAllowed(ProductField Field) : ProductProblem
    {
        public override ProductField Field { get; } = Field;
    }

    /// <summary>The country of origin is not an assigned ISO 3166-1 alpha-2 code.</summary>
    public sealed record UnknownCountry(string Code) : ProductProblem
    {
        public override ProductField Field => ProductField.CountryOfOrigin;
    }
}
