using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Evidence;

/// <summary>A file download from the pages: the same checks and the same answer as the API's content endpoint.</summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("attachment", ObjectIdFrom = "attachmentId")]
public sealed class DownloadModel(EvidenceQueries queries) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        switch (await queries.OpenAsync(User, id, attachmentId, cancellationToken))
        {
            case FileReading.Opened opened:
                return new EvidenceDownload(opened.File);
            case FileReading.Unavailable unavailable:
                Problem = unavailable.Reason;
                return new PageResult { StatusCode = unavailable.Status };
            case FileReading.IntegrityFailure failure:
                Problem = failure.Reason;
                return new PageResult { StatusCode = StatusCodes.Status500InternalServerError };
            default:
                return NotFound();
        }
    }
}
