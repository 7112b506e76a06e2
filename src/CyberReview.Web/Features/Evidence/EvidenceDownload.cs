using CyberReview.Data.Evidence;
using CyberReview.Reviews.Evidence;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// A file handed out: always as a download (Content-Disposition: attachment, with its name per RFC 6266), never
/// sniffed or rendered by the browser, with a content type only for kinds that are safe to name. The content is
/// decrypted segment by segment as it streams; should a later segment fail its check, the response is aborted, so
/// the client sees a broken download rather than a complete-looking file with unauthenticated bytes.
/// </summary>
internal sealed partial class EvidenceDownload(OpenedAttachment file) : IResult, Microsoft.AspNetCore.Mvc.IActionResult
{
    public Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using var content = file.Content;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType(file.Attachment.DetectedKind);
        response.ContentLength = content.Length;
        response.Headers.ContentDisposition = FileNames.AttachmentDisposition(file.Attachment.FileName);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers["X-Content-SHA256"] = file.Attachment.Sha256;
        try
        {
            await content.CopyToAsync(response.Body, 64 * 1024, httpContext.RequestAborted);
        }
        catch (EvidenceIntegrityException e)
        {
            var logger = httpContext.RequestServices.GetRequiredService<ILogger<EvidenceDownload>>();
            Log.IntegrityFailure(logger, file.Attachment.Id, e.Message);
            httpContext.Abort();
        }
    }

    /// <summary>The type a kind is served as; anything that a browser might execute or render as a page is plain bytes.</summary>
    public static string ContentType(ContentKind kind) => kind switch
    {
        ContentKind.Pdf => "application/pdf",
        ContentKind.Png => "image/png",
        ContentKind.Jpeg => "image/jpeg",
        ContentKind.Zip => "application/zip",
        ContentKind.Gzip => "application/gzip",
        ContentKind.Text => "text/plain; charset=utf-8",
        ContentKind.Json => "application/json",
        ContentKind.Xml => "application/octet-stream",
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Evidence {AttachmentId} failed its integrity check while streaming; the download was aborted: {Detail}")]
        public static partial void IntegrityFailure(ILogger logger, Guid attachmentId, string detail);
    }
}
