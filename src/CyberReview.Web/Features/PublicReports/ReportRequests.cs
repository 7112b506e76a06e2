using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

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
    private const int MaxFields = 16;
    private const int MaxFieldLength = 8192;

    /// <summary>The largest URL-encoded report: the longest fields, with room to spare.</summary>
    public const long MaxFormBytes = 64 * 1024;

    public static async Task<ReportBody?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType && !Evidence.UploadRequests.IsMultipart(request))
        {
            if (request.ContentLength is not { } length || length > MaxFormBytes)
                return null;
            var form = await request.ReadFormAsync(cancellationToken);
            return new ReportBody(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.OrdinalIgnoreCase), null, null);
        }
        if (!Evidence.UploadRequests.IsMultipart(request) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return null;
        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (disposition.IsFileDisposition())
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    // A browser sends an empty, nameless file part when no file was chosen.
                    return string.IsNullOrEmpty(fileName) ? new ReportBody(fields, null, null) : new ReportBody(fields, fileName, section.Body);
                }
                if (fields.Count >= MaxFields)
                    return null;
                using var value = new StreamReader(section.Body);
                var buffer = new char[MaxFieldLength + 1];
                var read = await value.ReadBlockAsync(buffer, cancellationToken);
                if (read > MaxFieldLength)
                    return null;
                fields[HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? ""] = new string(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        return new ReportBody(fields, null, null);
    }
}

/// <summary>Reads at most one byte over a limit and then reports the end, so that an oversize file is never read whole.</summary>
internal sealed class BoundedStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>Whether the source held more than the limit.</summary>
    public bool Exceeded => _read > limit;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = limit + 1 - _read;
        if (allowed <= 0)
            return 0;
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, allowed)], cancellationToken);
        _read += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
