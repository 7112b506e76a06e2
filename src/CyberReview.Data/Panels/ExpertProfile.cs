using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Panels;

/// <summary>
/// An expert's entry in the pool: the risk areas and kinds of product they know, and whether they can take a seat
/// now. Kept by the expert; only available experts with fitting expertise are drawn.
/// </summary>
public sealed class ExpertProfile
{
    public Guid UserId { get; set; }
    public List<RiskArea> RiskAreas { get; set; } = [];
    public List<ProductKind> ProductKinds { get; set; } = [];
    public bool Available { get; set; } = true;

    /// <summary>Why the expert is unavailable, or until when; for the office.</summary>
    public string? AvailabilityNote { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.PrimitiveCollection(p => p.RiskAreas).ElementType().HasConversion<string>();
        profile.PrimitiveCollection(p => p.ProductKinds).ElementType().HasConversion<string>();
        profile.Property(p => p.AvailabilityNote).HasMaxLength(500);
        profile.HasOne<Identity.User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
