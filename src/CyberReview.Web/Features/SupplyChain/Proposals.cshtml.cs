using CyberReview.Reviews.Sboms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// A case's supply chain: the SBOMs of its versions with where each analysis stands, and the proposed findings that an
/// evaluator accepts (a finding is recorded) or dismisses with a reason.
/// </summary>
[Audit.CaseMaterial("proposal")]
public sealed class ProposalsModel(SupplyChainQueries queries, ProposalCommands commands) : PageModel
{
    public CaseSupplyChain? Section { get; private set; }
    public ProposalList? Proposals { get; private set; }
    public string? Problem { get; private set; }
    public ProposalStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, ProposalStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        Status = status;
        return await LoadAsync(id, page, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid proposalId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.AcceptAsync(id, proposalId, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDismissAsync(Guid id, Guid proposalId, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.DismissAsync(id, proposalId, reason, User, cancellationToken), cancellationToken);

    public string PageLink(int page) => $"/SupplyChain/Proposals?id={Section!.CaseId}&page={page}{(Status is { } s ? $"&status={s}" : "")}";

    private async Task<IActionResult> AfterAsync(Guid id, SupplyChainOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome is SupplyChainOutcome.Done)
            return LocalRedirect($"/SupplyChain/Proposals?id={id}");
        if (outcome is SupplyChainOutcome.NotFound || !await LoadAsync(id, 1, cancellationToken))
            return NotFound();
        (Problem, var status) = outcome switch
        {
            SupplyChainOutcome.Forbidden forbidden => (forbidden.Reason, StatusCodes.Status403Forbidden),
            SupplyChainOutcome.Refused refused => (refused.Reason, refused.Status),
            SupplyChainOutcome.Invalid invalid => (string.Join(" ", invalid.Errors.Values.SelectMany(m => m)), StatusCodes.Status400BadRequest),
            _ => ("", StatusCodes.Status409Conflict),
        };
        return new PageResult { StatusCode = status };
    }

    private async Task<bool> LoadAsync(Guid id, int page, CancellationToken cancellationToken)
    {
        Section = await queries.CaseAsync(User, id, cancellationToken);
        if (Section is null)
            return false;
        if (Section.SeesProposals)
            Proposals = await queries.ProposalsAsync(User, id, Status, page, 50, cancellationToken);
        return true;
    }
}
