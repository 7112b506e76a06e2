using CyberReview.Web.Features.Evidence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// Attaching an SBOM from the pages, to a version (the provider) or through a case (an evaluator, ?caseId=). As on the
/// evidence upload page, the multipart form is read as a stream: the anti-forgery token, its first field, is checked
/// here before the file is read.
/// </summary>
[Audit.CaseMaterial("sbom", CaseIdFrom = "caseId")]
[IgnoreAntiforgeryToken]
[StreamedForm]
[RequestSizeLimit(long.MaxValue)]
public sealed class AttachModel(SbomAttachments attachments, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IStringLocalizer<Resources.Text> text) : PageModel
{
    public Guid VersionId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string? Problem { get; private set; }
    public long LimitMegabytes => attachments.Limit / (1024 * 1024);

    public string ReturnLink => CaseId is { } caseId ? $"/SupplyChain/Proposals?id={caseId}" : $"/SupplyChain/Version?versionId={VersionId}";

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid versionId, [FromQuery] Guid? caseId, CancellationToken cancellationToken)
    {
        (VersionId, CaseId) = (versionId, caseId);
        return Refused(await attachments.PermitAsync(versionId, caseId, User, cancellationToken)) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] Guid versionId, [FromQuery] Guid? caseId, CancellationToken cancellationToken)
    {
        (VersionId, CaseId) = (versionId, caseId);
        if (Refused(await attachments.PermitAsync(versionId, caseId, User, cancellationToken)) is { } refused)
            return refused;
        var body = UploadRequests.IsMultipart(Request) ? await UploadRequests.MultipartAsync(Request, cancellationToken) : null;
        if (body is null)
            return Show(text["Evidence.Invalid.NoFile"], StatusCodes.Status400BadRequest);
        if (antiforgeryOptions.Value.HeaderName is not { } header || !body.Fields.TryGetValue(antiforgeryOptions.Value.FormFieldName, out var token))
            return BadRequest();
        Request.Headers[header] = token;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        var outcome = await attachments.AttachAsync(versionId, caseId, body.FileName, body.Content, User, cancellationToken);
        return outcome switch
        {
            SupplyChainOutcome.Done => LocalRedirect(ReturnLink),
            SupplyChainOutcome.Invalid invalid => Show(string.Join(" ", invalid.Errors.Values.SelectMany(m => m)), StatusCodes.Status400BadRequest),
            _ => Refused(outcome) ?? NotFound(),
        };
    }

    private IActionResult? Refused(SupplyChainOutcome? refusal) => refusal switch
    {
        null => null,
        SupplyChainOutcome.Forbidden forbidden => Show(forbidden.Reason, StatusCodes.Status403Forbidden),
        SupplyChainOutcome.Refused refused => Show(refused.Reason, refused.Status),
        _ => NotFound(),
    };

    private PageResult Show(string problem, int status)
    {
        Problem = problem;
        return new PageResult { StatusCode = status };
    }
}
