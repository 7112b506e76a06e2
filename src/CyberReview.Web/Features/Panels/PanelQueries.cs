using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Conflicts;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using CyberReview.Reviews.Products;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Panels;

public sealed record OpinionView(RiskArea RiskArea, OpinionRating Rating, string Reasoning, DateTimeOffset GivenAt);

/// <summary>A seat as the viewer may see it: the vote and opinions are withheld from experts who have not voted yet.</summary>
public sealed record SeatView(
    Guid Id, Guid ExpertId, string Expert, int Position, DateTimeOffset SeatedAt, DateTimeOffset? ReleasedAt, bool Conflicted,
    bool Voted, ReviewOutcome? Vote, string? VoteReasoning, IReadOnlyList<OpinionView>? Opinions);

public sealed record DrawView(Guid Id, DrawKind Kind, DateTimeOffset DrawnAt, string DrawnBy, string Seed, int Seats,
    IReadOnlyList<RiskArea> RiskAreas, IReadOnlyList<ProductKind> ProductKinds, int Candidates, IReadOnlyList<Guid> Drawn, bool Reproduced);

/// <summary>A case's panel for one viewer: seats, draws (with the result of re-running each), verdict, and what the viewer may do.</summary>
public sealed record PanelView(
    Guid CaseId, string CaseNumber, string CaseTitle, CaseState State, AgreementRule? Agreement, IReadOnlyList<RiskArea> RiskAreas,
    IReadOnlyList<SeatView> Seats, PanelVerdict Verdict, ReviewOutcome? AgreedOn, int ConflictedSeats, IReadOnlyList<DrawView> Draws,
    Guid? YourSeat, bool MayDraw, bool MayReplace, bool MayGiveOpinions);

/// <summary>Reading a case's panel, for those <see cref="PanelAccess"/> lets see it.</summary>
public sealed class PanelQueries(ReviewDbContext db)
{
    /// <summary>The panel of a case as the user may see it; null when the case or its panel is not theirs to see.</summary>
    public async Task<PanelView?> GetAsync(ClaimsPrincipal user, Guid caseId, CancellationToken cancellationToken)
    {
        var parts = await CaseAccess.PartsAsync(db, user, caseId, cancellationToken);
        if (!PanelAccess.Sees(parts))
            return null;
        var reviewCase = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Number, c.Title, c.State, c.ProviderId }).SingleAsync(cancellationToken);
        var ruledOut = db.RuledOutFor(reviewCase.ProviderId);
        var seats = await db.PanelSeats.Where(s => s.CaseId == caseId)
            .Join(db.Users, s => s.ExpertId, u => u.Id, (s, u) => new { Seat = s, u.DisplayName, Conflicted = s.ReleasedAt == null && ruledOut.Contains(s.ExpertId) })
            .ToListAsync(cancellationToken);
        var opinions = (await db.ExpertOpinions.Where(o => o.CaseId == caseId).ToListAsync(cancellationToken)).ToLookup(o => o.SeatId);
        var draws = await db.PanelDraws.AsNoTracking().Where(d => d.CaseId == caseId)
            .Join(db.Users, d => d.DrawnById, u => u.Id, (d, u) => new { Draw = d, u.DisplayName })
            .ToListAsync(cancellationToken);
        var standing = await PanelStanding.ReadAsync(db, caseId, reviewCase.ProviderId, cancellationToken);

        var userId = user.UserId();
        var yourSeat = seats.SingleOrDefault(s => s.Seat.ExpertId == userId && s.Seat.ReleasedAt == null)?.Seat;
        // The office and the committee see every opinion; an expert sees the others' once their own vote is in.
        var seesAll = parts.Any(p => p is CaseActor.Office or CaseActor.Committee) || yourSeat?.Vote is not null;
        var panelDraw = draws.SingleOrDefault(d => d.Draw.Kind == DrawKind.Panel)?.Draw;
        return new PanelView(
            caseId, reviewCase.Number, reviewCase.Title, reviewCase.State, standing.Rule, panelDraw?.RiskAreas ?? [],
            [.. seats.OrderBy(s => s.Seat.ReleasedAt is not null).ThenBy(s => s.Seat.SeatedAt).ThenBy(s => s.Seat.Position).Select(s =>
            {
                var shown = seesAll || s.Seat.ExpertId == userId;
                return new SeatView(s.Seat.Id, s.Seat.ExpertId, s.DisplayName, s.Seat.Position, s.Seat.SeatedAt, s.Seat.ReleasedAt, s.Conflicted,
                    s.Seat.Vote is not null, shown ? s.Seat.Vote : null, shown ? s.Seat.VoteReasoning : null,
                    shown ? [.. opinions[s.Seat.Id].OrderBy(o => o.RiskArea).Select(o => new OpinionView(o.RiskArea, o.Rating, o.Reasoning, o.GivenAt))] : null);
            })],
            standing.Tally.Verdict, standing.Tally.Agreed, standing.ConflictedSeats,
            [.. draws.OrderBy(d => d.Draw.DrawnAt).Select(d =>
            {
                var audit = DrawAudit.Of(d.Draw);
                return new DrawView(d.Draw.Id, d.Draw.Kind, d.Draw.DrawnAt, d.DisplayName, d.Draw.Seed, d.Draw.Seats, d.Draw.RiskAreas, d.Draw.ProductKinds,
                    audit.Candidates.Count, d.Draw.Drawn, audit.Reproduced);
            })],
            yourSeat?.Id,
            MayDraw: parts.Contains(CaseActor.Office) && reviewCase.State == CaseState.Evaluation && panelDraw is null,
            MayReplace: parts.Contains(CaseActor.Office) && standing.ConflictedSeats > 0 && PanelCommands.SeatsRedrawnIn(reviewCase.State),
            MayGiveOpinions: yourSeat is { Vote: null } && parts.Contains(CaseActor.Expert) && reviewCase.State == CaseState.ExpertReview);
    }

    /// <summary>The audit record of one of the case's draws; null when the case, its panel or the draw is not the user's to see.</summary>
    public async Task<DrawAudit?> AuditAsync(ClaimsPrincipal user, Guid caseId, Guid drawId, CancellationToken cancellationToken)
    {
        if (!PanelAccess.Sees(await CaseAccess.PartsAsync(db, user, caseId, cancellationToken)))
            return null;
        var draw = await db.PanelDraws.AsNoTracking().SingleOrDefaultAsync(d => d.CaseId == caseId && d.Id == drawId, cancellationToken);
        return draw is null ? null : DrawAudit.Of(draw);
    }
}
