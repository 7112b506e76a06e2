using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.Products;

/// <summary>A case that names a product version for review, and where it stands.</summary>
public sealed record CaseNamingVersion(string Number, CaseState State);
