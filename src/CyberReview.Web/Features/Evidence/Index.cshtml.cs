using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Evidence;

/// <summary>All the files of a case the user may read, by owner; for the office, the case's retention and its controls.</summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("evidence")]
public sealed class IndexModel(EvidenceQueries queries, EvidenceCommands commands) : PageModel
{
    public Guid CaseId { get; private set; }
    public Paged<AttachmentView> Files { get; private set; } = new([], 0, 1, 100);
    public RetentionView? Retention { get; private set; }
    public string? Problem { get; private set; }
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, int? page, CancellationToken cancellationToken) =>
        await ShowAsync(id, page ?? 1, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostHoldAsync(Guid id, bool hold, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.SetLegalHoldAsync(id, hold, reason, User, cancellationToken), cancellationToken);

    [Account.RequiresStepUp]
    public async Task<IActionResult> OnPostDestroyAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(id, await commands.DestroyAsync(id, reason, User, cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, EvidenceOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case EvidenceOutcome.Done:
                return LocalRedirect($"/Evidence?id={id}");
            case EvidenceOutcome.NotFound:
                return NotFound();
            case EvidenceOutcome.Invalid invalid:
                Problem = string.Join(" ", invalid.Errors.Values.SelectMany(m => m));
                return await ShowAsync(id, 1, StatusCodes.Status400BadRequest, cancellationToken);
            default:
                Problem = EvidenceApi.Reason(outcome);
                return await ShowAsync(id, 1, EvidenceApi.Status(outcome), cancellationToken);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, int page, int status, CancellationToken cancellationToken)
    {
        if (await queries.ListAsync(User, id, null, null, page, 100, cancellationToken) is not { } files)
            return NotFound();
        CaseId = id;
        Files = files;
        PageNumber = files.Page;
        Retention = await queries.RetentionAsync(User, id, cancellationToken);
        return new PageResult { StatusCode = status };
    }

    public static string OwnerLink(AttachmentView a) => a.Owner switch
    {
        AttachmentOwner.Activity => $"/Evaluation/Activity?id={a.CaseId}&activityId={a.OwnerId}",
        AttachmentOwner.Report => $"/Evaluation/Report?id={a.CaseId}&reportId={a.OwnerId}",
        _ => $"/Cases/Case?id={a.CaseId}",
    };
}
