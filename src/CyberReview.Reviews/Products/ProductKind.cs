namespace CyberReview.Reviews.Products;

/// <summary>What is under review: a network product or a network service.</summary>
public enum ProductKind
{
    Hardware,
    Software,
    CloudService,
    NetworkService,
}
