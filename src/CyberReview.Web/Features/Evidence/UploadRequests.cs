using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CyberReview.Web.Features.Evidence;

/// <summary>An upload as it arrives: the form fields before the file, the file's name and declared type, and its content, still streaming.</summary>
internal sealed record UploadBody(IReadOnlyDictionary<string, string> Fields, string? FileName, string? DeclaredContentType, Stream Content);

/// <summary>
/// Reads an upload without buffering it: a multipart form up to its first file (whose content is then read
/// straight from the request), or a raw body. Nothing of it is written anywhere in plaintext. Fields must come
/// before the file, as a browser sends them when the form lists them first.
/// </summary>
internal static class UploadRequests
{
    private const int MaxFields = 16;
    private const int MaxFieldLength = 4096;

    /// <summary>Slack over a kind's limit that a multipart body may carry besides the file (boundaries, fields).</summary>
    public const long MultipartOverhead = 128 * 1024;

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The multipart form's fields and file; null when the form has no file or cannot be read.</summary>
    public static async Task<UploadBody?> MultipartAsync(HttpRequest request, CancellationToken cancellationToken) =>
        await UpToFileAsync(request, MaxFieldLength, cancellationToken) is { File: { } file } form
            ? new UploadBody(form.Fields, form.FileName, file.ContentType, file.Body)
            : null;

    /// <summary>
    /// A multipart form read up to its first file part: the fields before it, and that part (still streaming) with its
    /// file name; no part when the form has none. Null when the form cannot be read, or has too many or too long fields.
    /// </summary>
    public static async Task<(Dictionary<string, string> Fields, MultipartSection? File, string? FileName)?> UpToFileAsync(HttpRequest request,
        int maxFieldLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
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
                    return (fields, section, disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                if (fields.Count >= MaxFields)
                    return null;
                using var value = new StreamReader(section.Body);
                var buffer = new char[maxFieldLength + 1];
                var read = await value.ReadBlockAsync(buffer, cancellationToken);
                if (read > maxFieldLength)
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
        return (fields, null, null);
    }

    /// <summary>An enum value named in a field or query: by name only (a number is never taken for a member).</summary>
    public static bool TryEnum<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        return value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && value[0] != '-' && Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result);
    }
}
