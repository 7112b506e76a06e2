using CyberReview.Data.Panels;
using CyberReview.Reviews.Panels;

namespace CyberReview.Web.Features.Panels;

/// <summary>
/// The audit record of a draw: everything needed to re-run it (the seed, the rule, the candidates in order with the
/// expertise they had, the experts who kept their seats), what it drew, and whether re-running gives the same.
/// tests/CyberReview.Reviews.Tests/Panels/reference_draw.py re-runs this record without any CyberReview code.
/// </summary>
public sealed record DrawAudit(
    Guid Id, DrawKind Kind, DateTimeOffset DrawnAt, string Seed, PanelRule Rule, AgreementRule Agreement,
    IReadOnlyList<PanelCandidate> Candidates, IReadOnlyList<PanelCandidate> Seated, IReadOnlyList<Guid> Drawn, bool Reproduced)
{
    public static DrawAudit Of(Draw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var candidates = Draw.Deserialize(draw.Candidates);
        var seated = Draw.Deserialize(draw.Seated);
        var rule = new PanelRule(draw.Seats, draw.RiskAreas, draw.ProductKinds);
        var rerun = PanelDraw.Draw(Convert.FromHexString(draw.Seed), candidates, rule, seated);
        return new DrawAudit(draw.Id, draw.Kind, draw.DrawnAt, draw.Seed, rule,
            new AgreementRule(draw.Agreement, draw.AgreementNumerator, draw.AgreementDenominator), candidates, seated, draw.Drawn,
            rerun is PanelDrawOutcome.Drawn again && again.Experts.SequenceEqual(draw.Drawn));
    }
}
