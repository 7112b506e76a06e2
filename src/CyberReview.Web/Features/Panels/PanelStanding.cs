using CyberReview.Data;
using CyberReview.Data.Conflicts;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Panels;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Panels;

/// <summary>
/// Where a case's panel stands, for the workflow's facts: its seats, those held by an expert the conflict rule now
/// rules out (a tie declared after the draw), and its votes under the rule it was drawn with. While a seat is
/// conflicted the panel has no verdict: that expert's vote must not count, and the seat is to be redrawn.
/// </summary>
public sealed record PanelStanding(int Seats, int ConflictedSeats, PanelTally Tally, AgreementRule? Rule)
{
    public static async Task<PanelStanding> ReadAsync(ReviewDbContext db, Guid caseId, Guid providerId, CancellationToken cancellationToken)
    {
        var ruledOut = db.RuledOutFor(providerId);
        var seats = await db.PanelSeats.Where(s => s.CaseId == caseId && s.ReleasedAt == null)
            .Select(s => new { s.Vote, Conflicted = ruledOut.Contains(s.ExpertId) })
            .ToListAsync(cancellationToken);
        if (seats.Count == 0)
            return new PanelStanding(0, 0, new PanelTally(PanelVerdict.Pending, null), null);
        var drawn = await db.PanelDraws.Where(d => d.CaseId == caseId && d.Kind == DrawKind.Panel)
            .Select(d => new { d.Agreement, d.AgreementNumerator, d.AgreementDenominator })
            .SingleAsync(cancellationToken);
        var rule = new AgreementRule(drawn.Agreement, drawn.AgreementNumerator, drawn.AgreementDenominator);
        var conflicted = seats.Count(s => s.Conflicted);
        var tally = conflicted > 0
            ? new PanelTally(PanelVerdict.Pending, null)
            : rule.Tally(seats.Count, [.. seats.Where(s => s.Vote is not null).Select(s => s.Vote!.Value)]);
        return new PanelStanding(seats.Count, conflicted, tally, rule);
    }
}
