using System.Globalization;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Evidence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>
/// Anyone reports a concern about a product (social supervision, Art. 3). The form is read as a stream (its evidence
/// file never buffered), so the anti-forgery token, its first field, is checked here; floods get 429 before a byte is read.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[StreamedForm]
// No transport limit: the intake stops reading one byte over the file limit and says so.
[RequestSizeLimit(long.MaxValue)]
public sealed class NewModel(ReportIntake intake, ReportThrottle throttle, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions,
    IStringLocalizer<Resources.Text> text) : PageModel
{
    public IReadOnlyList<PublicProduct> Products { get; private set; } = [];
    public ReportForm Form { get; private set; } = new(null, null, null, null, null, null);
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Why the report was refused as a whole (flood, file); shown at the top.</summary>
    public string? Problem { get; private set; }

    /// <summary>Set once the report is received: the number to follow it by.</summary>
    public string? Receipt { get; private set; }

    public long FileLimitKilobytes => intake.FileLimit / 1024;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Products = await intake.PublicProductsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await throttle.RetryAfterAsync(HttpContext, cancellationToken) is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return await ShowAsync(StatusCodes.Status429TooManyRequests, text["PublicReports.TooMany", (int)Math.Ceiling(wait.TotalMinutes)], cancellationToken);
        }
        if (Request.ContentLength > intake.FileLimit + UploadRequests.MultipartOverhead)
            return await ShowAsync(StatusCodes.Status413PayloadTooLarge, text["PublicReports.FileTooLarge", FileLimitKilobytes], cancellationToken);
        if (await ReportRequests.ReadAsync(Request, cancellationToken) is not { } body)
            return await ShowAsync(StatusCodes.Status400BadRequest, text["PublicReports.NotAForm"], cancellationToken);
        // The token field precedes the file; handed over as the header, the check never reads the rest of the form.
        if (antiforgeryOptions.Value.HeaderName is not { } header || !body.Fields.TryGetValue(antiforgeryOptions.Value.FormFieldName, out var token))
            return BadRequest();
        Request.Headers[header] = token;
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        Form = ReportForm.From(body.Fields);
        switch (await intake.SubmitAsync(Form, body.FileName, body.File, cancellationToken))
        {
            case IntakeOutcome.Received received:
                Receipt = ReceiptNumber.Display(received.ReceiptNumber);
                return Page();
            case IntakeOutcome.Invalid invalid:
                Errors = invalid.Errors;
                return await ShowAsync(StatusCodes.Status400BadRequest, null, cancellationToken);
            case IntakeOutcome.FileRefused refused:
                return await ShowAsync(refused.Status, refused.Message, cancellationToken);
            default:
                throw new InvalidOperationException("Every outcome is answered.");
        }
    }

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task<PageResult> ShowAsync(int status, string? problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Products = await intake.PublicProductsAsync(cancellationToken);
        // Whatever is left of a refused report is not read: the answer goes out now.
        return new PageResult { StatusCode = status };
    }
}
