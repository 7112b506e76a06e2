using CyberReview.Data.Organisations;
using CyberReview.Reviews.Products;

namespace CyberReview.Data.Products;

/// <summary>A network product or service that a provider offers.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public Organisation Provider { get; set; } = null!;
    public required string Name { get; set; }
    public ProductKind Kind { get; set; }
    public string Description { get; set; } = "";

    /// <summary>The package URL that identifies the product (no version), in canonical form; unique, so procurement checks can name the product by it.</summary>
    public string? Purl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProductVersion> Versions { get; set; } = [];
}

/// <summary>One version of a product; reviews and results name versions.</summary>
public sealed class ProductVersion
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public required string Version { get; set; }
    public DateOnly? ReleasedOn { get; set; }
    public List<ProductComponent> Components { get; set; } = [];
}
