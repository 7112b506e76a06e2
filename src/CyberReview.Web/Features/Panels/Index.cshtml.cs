using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Panels;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Panels;

/// <summary>A case's expert panel: the office draws it and replaces conflicted seats, experts give opinions and vote, everyone on it sees the draws re-run.</summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("panel")]
public sealed class IndexModel(PanelQueries queries, PanelCommands commands, IOptions<PanelOptions> options, IStringLocalizer<Resources.Text> text) : PageModel
{
    public PanelView? Panel { get; private set; }
    public string? Problem { get; private set; }
    public int DefaultSeats => options.Value.Seats;
    public AgreementRule DefaultAgreement => options.Value.AgreementRule;

    [BindProperty]
    public List<OpinionForm> Opinions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostDrawAsync(Guid id, int? seats, List<RiskArea> riskAreas, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.DrawAsync(id, new DrawRequest(seats, riskAreas), User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReplaceAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.ReplaceConflictedAsync(id, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostOpinionsAsync(Guid id, CancellationToken cancellationToken) =>
        // A row left without reasoning is not given yet; the expert may come back to it.
        await AfterAsync(id, await commands.GiveOpinionsAsync(id,
            [.. Opinions.Where(o => !string.IsNullOrWhiteSpace(o.Reasoning)).Select(o => new OpinionInput(o.RiskArea, o.Rating, o.Reasoning))], User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostVoteAsync(Guid id, ReviewOutcome? vote, string? reasoning, CancellationToken cancellationToken) =>
        vote is { } chosen
            ? await AfterAsync(id, await commands.VoteAsync(id, chosen, reasoning, User, cancellationToken), cancellationToken)
            : await AfterAsync(id, new PanelOutcome.Invalid("vote", text["Validation.Required", text["Field.Vote"].Value]), cancellationToken);

    /// <summary>What the expert has said on an area so far, to fill the form with.</summary>
    public OpinionView? YourOpinion(RiskArea area) =>
        Panel?.Seats.SingleOrDefault(s => s.Id == Panel.YourSeat)?.Opinions?.SingleOrDefault(o => o.RiskArea == area);

    private async Task<IActionResult> AfterAsync(Guid id, PanelOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case PanelOutcome.Done:
                return LocalRedirect($"/Panels?id={id}");
            case PanelOutcome.NotFound:
                return NotFound();
            case PanelOutcome.Refused refused:
                Problem = refused.Message;
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case PanelOutcome.Conflict:
                Problem = text["Cases.Conflict"];
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case PanelOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, int status, CancellationToken cancellationToken)
    {
        Panel = await queries.GetAsync(User, id, cancellationToken);
        if (Panel is null)
            return NotFound();
        return new PageResult { StatusCode = status };
    }

    public sealed class OpinionForm
    {
        public RiskArea RiskArea { get; set; }
        public OpinionRating Rating { get; set; }
        public string? Reasoning { get; set; }
    }
}
