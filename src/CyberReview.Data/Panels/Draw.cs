using System.Text.Json;
using System.Text.Json.Serialization;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using CyberReview.Reviews.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CyberReview.Data.Panels;

/// <summary>
/// One draw of a case's expert panel, kept so that anyone auditing can re-run it: the seed, the rule, the
/// candidates in the order the draw saw them (with the expertise they had then), the experts who kept their seats
/// (on a redraw), and who was drawn. Never changed after it is saved.
/// </summary>
public sealed class Draw
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DrawKind Kind { get; set; }
    public DateTimeOffset DrawnAt { get; set; }
    public Guid DrawnById { get; set; }

    /// <summary>The seed, as lower-case hexadecimal.</summary>
    public required string Seed { get; set; }
    public int Seats { get; set; }
    public List<RiskArea> RiskAreas { get; set; } = [];
    public List<ProductKind> ProductKinds { get; set; } = [];

    /// <summary>The rule the panel's votes are counted by, fixed when the panel is drawn.</summary>
    public AgreementKind Agreement { get; set; }
    public int AgreementNumerator { get; set; }
    public int AgreementDenominator { get; set; }

    /// <summary>The candidates, as JSON: [{"expertId", "riskAreas", "productKinds"}, …] in draw order.</summary>
    public required string Candidates { get; set; }

    /// <summary>On a redraw, the experts who kept their seats, in the same JSON shape; "[]" otherwise.</summary>
    public required string Seated { get; set; }

    /// <summary>The experts drawn, in the order they were drawn.</summary>
    public List<Guid> Drawn { get; set; } = [];
    public string? Reason { get; set; }

    /// <summary>The record of a draw as it was made: everything needed to re-run it, and what it drew.</summary>
    public static Draw Of(Guid caseId, DrawKind kind, DateTimeOffset at, Guid drawnById, ReadOnlySpan<byte> seed, PanelRule rule, AgreementRule agreement,
        IReadOnlyList<PanelCandidate> candidates, IReadOnlyList<PanelCandidate> kept, IReadOnlyList<Guid> drawn, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(agreement);
        return new Draw
        {
            Id = Guid.CreateVersion7(at),
            CaseId = caseId,
            Kind = kind,
            DrawnAt = at,
            DrawnById = drawnById,
            Seed = Convert.ToHexStringLower(seed),
            Seats = rule.Seats,
            RiskAreas = [.. rule.RiskAreas],
            ProductKinds = [.. rule.ProductKinds],
            Agreement = agreement.Kind,
            AgreementNumerator = agreement.Numerator,
            AgreementDenominator = agreement.Denominator,
            Candidates = Serialize(candidates),
            Seated = Serialize(kept),
            Drawn = [.. drawn],
            Reason = reason,
        };
    }

    // Camel-case names and enums as strings: the shape an auditor's own tools read (tests/…/Panels/reference_draw.py).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Candidates (or kept seats) as <see cref="Candidates"/> and <see cref="Seated"/> keep them.</summary>
    public static string Serialize(IReadOnlyList<PanelCandidate> candidates) => JsonSerializer.Serialize(candidates, Json);

    /// <summary>Reads back what <see cref="Serialize"/> wrote.</summary>
    /// <exception cref="InvalidOperationException">The JSON holds no list.</exception>
    public static List<PanelCandidate> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<PanelCandidate>>(json, Json) ?? throw new InvalidOperationException("A draw record without candidates.");
}

/// <summary>Why a draw was made.</summary>
public enum DrawKind
{
    /// <summary>The case's panel, drawn whole.</summary>
    Panel,
    /// <summary>New experts for seats released because of a conflict of interest.</summary>
    Replacement,
}

/// <summary>A seat on a case's panel. A seat released after a conflict keeps its history; its opinions and vote no longer count.</summary>
public sealed class PanelSeat
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid DrawId { get; set; }
    public Guid ExpertId { get; set; }

    /// <summary>The order in which the draw chose the expert.</summary>
    public int Position { get; set; }
    public DateTimeOffset SeatedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public Guid? ReleasedByDrawId { get; set; }

    /// <summary>The expert's vote, final once cast (all three set together).</summary>
    public ReviewOutcome? Vote { get; set; }
    public string? VoteReasoning { get; set; }
    public DateTimeOffset? VotedAt { get; set; }
}

/// <summary>An expert's opinion on one risk area; it can be revised until the expert votes.</summary>
public sealed class ExpertOpinion
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid SeatId { get; set; }
    public RiskArea RiskArea { get; set; }
    public OpinionRating Rating { get; set; }
    public required string Reasoning { get; set; }
    public DateTimeOffset GivenAt { get; set; }
}

internal sealed class DrawConfiguration : IEntityTypeConfiguration<Draw>
{
    public void Configure(EntityTypeBuilder<Draw> draw)
    {
        draw.ToTable("PanelDraws");
        draw.Property(d => d.Seed).HasMaxLength(128);
        draw.PrimitiveCollection(d => d.RiskAreas).ElementType().HasConversion<string>();
        draw.PrimitiveCollection(d => d.ProductKinds).ElementType().HasConversion<string>();
        draw.Property(d => d.Reason).HasMaxLength(2000);
        draw.HasIndex(d => d.CaseId);
        draw.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PanelSeatConfiguration : IEntityTypeConfiguration<PanelSeat>
{
    public void Configure(EntityTypeBuilder<PanelSeat> seat)
    {
        seat.HasIndex(s => s.CaseId);
        seat.HasIndex(s => s.ExpertId);
        seat.Property(s => s.VoteReasoning).HasMaxLength(8000);
        seat.HasOne<Cases.ReviewCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        seat.HasOne<Draw>().WithMany().HasForeignKey(s => s.DrawId).OnDelete(DeleteBehavior.Restrict);
        seat.HasOne<Identity.User>().WithMany().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertOpinionConfiguration : IEntityTypeConfiguration<ExpertOpinion>
{
    public void Configure(EntityTypeBuilder<ExpertOpinion> opinion)
    {
        opinion.Property(o => o.Reasoning).HasMaxLength(8000);
        opinion.HasIndex(o => new { o.SeatId, o.RiskArea }).IsUnique();
        opinion.HasIndex(o => o.CaseId);
        opinion.HasOne<PanelSeat>().WithMany().HasForeignKey(o => o.SeatId).OnDelete(DeleteBehavior.Cascade);
    }
}
