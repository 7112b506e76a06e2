using CyberReview.Reviews.Evidence;
using Microsoft.AspNetCore.Mvc;

namespace CyberReview.Web.Features.Evidence;

/// <summary>What a page shows of one owner's files: the list its reader may see, and the upload form for those who may attach.</summary>
public sealed record AttachmentList(Guid CaseId, AttachmentOwner Owner, Guid OwnerId, IReadOnlyList<AttachmentView> Items, int Total, UploadForm? Upload);

/// <summary>The upload form: where it posts, and the kinds with their limits.</summary>
public sealed record UploadForm(Guid CaseId, AttachmentOwner Owner, Guid? OwnerId, IReadOnlyList<(UploadKind Kind, long LimitMegabytes)> Kinds, bool Scans);

/// <summary>The files section of the case page, an activity's page and a report's page.</summary>
public sealed class AttachmentsViewComponent(EvidenceQueries queries, EvidenceCommands commands, Data.Evidence.EvidenceVault vault) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, AttachmentOwner owner, Guid? ownerId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var list = await queries.ListAsync(UserClaimsPrincipal, caseId, owner, ownerId ?? caseId, 1, 100, cancellationToken);
        if (list is null)
            return Content("");
        var (refusal, _) = await commands.PermitAsync(caseId, new AttachmentTarget(owner, ownerId, UploadKind.Evidence), UserClaimsPrincipal, cancellationToken);
        var upload = refusal is null ? Form(caseId, owner, ownerId) : null;
        // A reader who may neither see a file here nor add one has nothing to look at.
        if (list.Total == 0 && upload is null && owner != AttachmentOwner.Case)
            return Content("");
        return View("/Features/Evidence/_Attachments.cshtml", new AttachmentList(caseId, owner, ownerId ?? caseId, list.Items, list.Total, upload));
    }

    private UploadForm Form(Guid caseId, AttachmentOwner owner, Guid? ownerId) => new(caseId, owner, ownerId,
        [.. Enum.GetValues<UploadKind>().Select(k => (k, vault.Options.LimitFor(k) / (1024 * 1024)))], vault.Scans);
}
