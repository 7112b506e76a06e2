namespace CyberReview.Web.Features.PublicReports;

/// <summary>A report as it arrives: its fields, and the evidence file still streaming (null when none was chosen).</summary>
internal sealed record ReportBody(IReadOnlyDictionary<string, string> Fields, string? FileName, Stream? File);

/// <summary>
/// Reads a public report without buffering its file: a multipart form up to its file part (whose content is then
/// read straight from the request), or a small URL-encoded form with no file. Fields must precede the file, as the
/// page's form lists them. Unlike an evidence upload, the file is optional.
/// </summary>
internal static class ReportRequests
{
    private const int MaxFieldLength = 8192;

    /// <summary>The largest URL-encoded report: the longest fields, with room to spare.</summary>
    public const long MaxFormBytes = 64 * 1024;

    public static async Task<ReportBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType && !Evidence.UploadRequests.IsMultipart(request))
        {
            if (request.ContentLength is not { } length || length > MaxFormBytes)
                return null;
            var encoded = await request.ReadFormAsync(cancellationToken);
            return new ReportBody(encoded.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase), null, null);
        }
        if (!Evidence.UploadRequests.IsMultipart(request) || await Evidence.UploadRequests.UpToFileAsync(request, MaxFieldLength, cancellationToken) is not { } form)
            return null;
        // A browser sends an empty, nameless file part when no file was chosen.
        return form.File is { } file && !string.IsNullOrEmpty(form.FileName)
            ? new ReportBody(form.Fields, form.FileName, file.Body)
            : new ReportBody(form.Fields, null, null);
    }
}
