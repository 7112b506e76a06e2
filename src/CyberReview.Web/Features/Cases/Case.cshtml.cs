using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Cases;

/// <summary>One case: its particulars, clock, questions, timeline, and the moves the user's part allows now.</summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("case")]
public sealed class CaseModel(CaseQueries queries, CaseCommands commands, Commitments.CommitmentCommands commitments, IStringLocalizer<Resources.Text> text) : PageModel
{
    public CaseDetails? Details { get; private set; }
    public Commitments.CommitmentsView? Commitments { get; private set; }
    public string? Problem { get; private set; }

    public bool MayAsk => Details is { } c && c.YourParts.Any(p => CaseOperations.Allows(p, CaseOperation.AskProvider, c.State));

    public bool MayAnswer => Details is { } c && c.YourParts.Any(p => CaseOperations.Allows(p, CaseOperation.AnswerQuestions, c.State));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);

    [Account.RequiresStepUp("action", nameof(CaseAction.Publish), nameof(CaseAction.Reinstate))]
    public async Task<IActionResult> OnPostMoveAsync(Guid id, CaseAction action, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, action, await commands.MoveAsync(id, action, reason, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAskAsync(Guid id, string? question, CancellationToken cancellationToken) =>
        await AfterAsync(id, CaseAction.RequestInformation, await commands.AskAsync(id, question ?? "", User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid requestId, string? answer, CancellationToken cancellationToken) =>
        await AfterAsync(id, CaseAction.ProvideInformation, await commands.AnswerAsync(id, requestId, answer ?? "", User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRequestCommitmentsAsync(Guid id, List<CyberReview.Reviews.Commitments.CommitmentKind> kinds, string? otherText, CancellationToken cancellationToken) =>
        await AfterAsync(id, CaseAction.RequestInformation, await commitments.RequestAsync(id, kinds, otherText, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostSignCommitmentAsync(Guid id, Guid commitmentId, bool confirmed, CancellationToken cancellationToken) =>
        await AfterAsync(id, CaseAction.ProvideInformation, await commitments.SignAsync(id, commitmentId, confirmed, User, cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, CaseAction action, CaseOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case CaseOutcome.Done:
                return LocalRedirect($"/Cases/Case?id={id}");
            case CaseOutcome.NotFound:
                return NotFound();
            case CaseOutcome.Refused refused:
                Problem = CaseRefusalText.Describe(text, refused.Reason, action);
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case CaseOutcome.Conflict:
                Problem = text["Cases.Conflict"];
                return await ShowAsync(id, StatusCodes.Status409Conflict, cancellationToken);
            case CaseOutcome.Invalid invalid:
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
        Details = await queries.GetAsync(User, id, cancellationToken);
        if (Details is null)
            return NotFound();
        var c = Details;
        Commitments = new(c.Id, await commitments.ListAsync(c.Id, User, cancellationToken) ?? [],
            c.YourParts.Any(p => CaseOperations.Allows(p, CaseOperation.RequestCommitments, c.State)),
            c.YourParts.Any(p => CaseOperations.Allows(p, CaseOperation.SignCommitments, c.State)));
        return new PageResult { StatusCode = status };
    }
}
