using CyberReview.Reviews.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Undertakings;

/// <summary>
/// A person's acceptance of the confidentiality terms (Art. 13) for one case: who, which case, which version of the terms,
/// in which part, when and from which address. Kept for as long as the case; never changed.
/// </summary>
public sealed class UndertakingAcceptance
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid UserId { get; set; }

    /// <summary>The version of the terms accepted (<c>ConfidentialityUndertaking.CurrentTerms</c> at the time).</summary>
    public required string TermsVersion { get; set; }

    /// <summary>The part that required the acceptance (evaluator or expert).</summary>
    public CaseActor Part { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The client's address as the server saw it; null when accepted outside a request (the demo seed).</summary>
    public string? ClientAddress { get; set; }
}

internal sealed class UndertakingAcceptanceConfiguration : IEntityTypeConfiguration<UndertakingAcceptance>
{
    public void Configure(EntityTypeBuilder<UndertakingAcceptance> acceptance)
    {
        acceptance.Property(a => a.TermsVersion).HasMaxLength(32);
        acceptance.Property(a => a.ClientAddress).HasMaxLength(64);
        // One acceptance per person, case and terms: the gate looks it up on every request to the case.
        acceptance.HasIndex(a => new { a.CaseId, a.UserId, a.TermsVersion }).IsUnique();
        acceptance.HasIndex(a => a.UserId);
        acceptance.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        acceptance.HasOne<Identity.User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
