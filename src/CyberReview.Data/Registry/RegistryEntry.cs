using CyberReview.Reviews.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Registry;

/// <summary>
/// A published result: what the registry shows, as it was when the decision was published (renaming a product
/// later does not rewrite the record), and to whom (its visibility).
/// </summary>
public sealed class RegistryEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid DecisionId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public PublicationVisibility Visibility { get; set; }

    /// <summary>The case's sector department, whose staff see a result circulated to the sector.</summary>
    public Guid? SectorDepartmentId { get; set; }
    public Guid ProviderId { get; set; }
    public required string Provider { get; set; }
    public required string Product { get; set; }

    /// <summary>The versions the decision covers, as "product version".</summary>
    public List<string> Versions { get; set; } = [];
    public ReviewOutcome Outcome { get; set; }
    public DateOnly DecidedOn { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The conditions of a conditional pass, in order (their deadlines are the decision's).</summary>
    public List<string> Conditions { get; set; } = [];

    /// <summary>The institutions whose signed evaluation reports stood when the result was published, by name.</summary>
    public List<string> Institutions { get; set; } = [];

    /// <summary>The criteria catalogue version the product was evaluated against; none when no report was made.</summary>
    public string? CatalogueVersion { get; set; }

    /// <summary>
    /// The entry publishing <paramref name="decision"/> of <paramref name="reviewCase"/> at <paramref name="at"/>, with the
    /// names of the day: the provider's, each covered version's product and version, and the institutions whose reports stand.
    /// </summary>
    public static RegistryEntry Publishing(Cases.ReviewCase reviewCase, Decisions.Decision decision, string provider,
        IReadOnlyCollection<(string Product, string Version)> versions, IEnumerable<string> institutions, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reviewCase);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(versions);
        return new RegistryEntry
        {
            Id = Guid.CreateVersion7(at),
            CaseId = reviewCase.Id,
            DecisionId = decision.Id,
            PublishedAt = at,
            Visibility = decision.Visibility,
            SectorDepartmentId = reviewCase.SectorDepartmentId,
            ProviderId = reviewCase.ProviderId,
            Provider = provider,
            Product = string.Join("; ", versions.Select(v => v.Product).Distinct().Order(StringComparer.Ordinal)),
            Versions = [.. versions.OrderBy(v => v.Product, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal).Select(v => $"{v.Product} {v.Version}")],
            Outcome = decision.Outcome,
            DecidedOn = decision.DecidedOn,
            ValidFrom = decision.ValidFrom,
            ValidUntil = decision.ValidUntil,
            Conditions = [.. decision.Conditions.OrderBy(c => c.Position).Select(c => c.Text)],
            Institutions = [.. institutions.Distinct().Order(StringComparer.Ordinal)],
            CatalogueVersion = reviewCase.CatalogueVersion,
        };
    }
}

internal sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> entry)
    {
        entry.Property(e => e.Provider).HasMaxLength(200);
        entry.Property(e => e.Product).HasMaxLength(1000);
        entry.Property(e => e.CatalogueVersion).HasMaxLength(16);
        // The registry lists by visibility, newest first.
        entry.HasIndex(e => new { e.Visibility, e.PublishedAt });
        entry.HasIndex(e => e.CaseId);
        entry.HasIndex(e => e.DecisionId).IsUnique();
        entry.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<Decisions.Decision>().WithMany().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
