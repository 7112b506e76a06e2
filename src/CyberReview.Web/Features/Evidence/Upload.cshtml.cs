using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evidence;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// Attaching a file from the pages. The form posts multipart, read as a stream: model binding and the automatic
/// anti-forgery check would both buffer the whole form (the file in plaintext on disk), so the token, sent as the
/// form's first field, is checked here before the file is read.
/// </summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("attachment")]
[IgnoreAntiforgeryToken]
[StreamedForm]
// No transport limit: the vault refuses what is over its kind's limit, with a message that says so.
[RequestSizeLimit(long.MaxValue)]
public sealed class UploadModel(EvidenceCommands commands, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions, IStringLocalizer<Resources.Text> text) : PageModel
{
    public Guid CaseId { get; private set; }
    public AttachmentOwner Owner { get; private set; }
    public Guid? OwnerId { get; private set; }

    /// <summary>Why the file was refused; shown at the top.</summary>
    public string? Problem { get; private set; }

    public string ReturnLink => Owner switch
    {
        AttachmentOwner.Activity => $"/Evaluation/Activity?id={CaseId}&activityId={OwnerId}",
        AttachmentOwner.Report => $"/Evaluation/Report?id={CaseId}&reportId={OwnerId}",
        _ => $"/Cases/Case?id={CaseId}",
    };

    public async Task<IActionResult> OnGetAsync([FromQuery] Guid id, [FromQuery] AttachmentOwner owner, [FromQuery] Guid? ownerId, CancellationToken cancellationToken)
    {
        (CaseId, Owner, OwnerId) = (id, owner, ownerId);
        var (refusal, _) = await commands.PermitAsync(id, new AttachmentTarget(owner, ownerId, UploadKind.Evidence), User, cancellationToken);
        return Refused(refusal) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] Guid id, [FromQuery] AttachmentOwner owner, [FromQuery] Guid? ownerId, CancellationToken cancellationToken)
    {
        (CaseId, Owner, OwnerId) = (id, owner, ownerId);
        var (refusal, _) = await commands.PermitAsync(id, new AttachmentTarget(owner, ownerId, UploadKind.Evidence), User, cancellationToken);
        if (Refused(refusal) is { } refused)
            return refused;
        var body = UploadRequests.IsMultipart(Request) ? await UploadRequests.MultipartAsync(Request, cancellationToken) : null;
        if (body is null)
            return Show(new EvidenceOutcome.Invalid([]), text["Evidence.Invalid.NoFile"]);
        // The token field precedes the file; handed over as the header, the check never reads the form. Without it the
        // check would try to read the form, whose beginning is gone: no token, no upload.
        if (antiforgeryOptions.Value.HeaderName is not { } header || !body.Fields.TryGetValue(antiforgeryOptions.Value.FormFieldName, out var token))
            return BadRequest();
        Request.Headers[header] = token;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        if (!body.Fields.TryGetValue("kind", out var kindText) || !UploadRequests.TryEnum<UploadKind>(kindText, out var kind))
            return Show(new EvidenceOutcome.Invalid([]), text["Validation.UnknownValue", text["Evidence.Field.Kind"].Value]);
        var outcome = await commands.UploadAsync(id, new AttachmentTarget(owner, ownerId, kind), body.FileName, body.DeclaredContentType, body.Content, User, cancellationToken);
        return outcome switch
        {
            EvidenceOutcome.Done => LocalRedirect(ReturnLink),
            EvidenceOutcome.NotFound => NotFound(),
            EvidenceOutcome.Invalid invalid => Show(invalid, string.Join(" ", invalid.Errors.Values.SelectMany(m => m))),
            _ => Show(outcome, EvidenceApi.Reason(outcome) ?? text["Cases.Conflict"]),
        };
    }

    private IActionResult? Refused(EvidenceOutcome? refusal) => refusal switch
    {
        null => null,
        EvidenceOutcome.NotFound => NotFound(),
        _ => Show(refusal, EvidenceApi.Reason(refusal)),
    };

    private PageResult Show(EvidenceOutcome outcome, string? problem)
    {
        Problem = problem;
        // Whatever is left of a refused upload is not read: the answer goes out now and the connection closes.
        return new PageResult { StatusCode = EvidenceApi.Status(outcome) };
    }
}

/// <summary>
/// Keeps model binding away from the form: its form value providers would read (and buffer) the whole body before
/// the handler runs. Parameters still bind from the query.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class StreamedFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }
}
