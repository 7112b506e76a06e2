using System.Globalization;
using System.Text;

namespace CyberReview.Web.Features.Evidence;

/// <summary>
/// An uploader's file name made safe to keep, show and offer back: no folders, no control or reserved characters,
/// no leading dots, at most 200 characters. It is a label only; the vault never uses it as a path.
/// </summary>
internal static class FileNames
{
    private const int MaxLength = 200;

    /// <summary>The safe name, or null when nothing usable is left.</summary>
    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        // Only the last segment of a path counts, whichever separator the uploader's system uses.
        var last = name.Replace('\\', '/').Split('/').Last();
        var kept = new StringBuilder(last.Length);
        foreach (var rune in last.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                continue;
            kept.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }
        var safe = kept.ToString().Trim().TrimStart('.').Trim();
        if (safe.Length == 0)
            return null;
        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            safe = extension.Length is > 0 and <= 16 ? safe[..(MaxLength - extension.Length)] + extension : safe[..MaxLength];
        }
        return safe;
    }

    /// <summary>
    /// A Content-Disposition header that makes every browser download, never display, the file (RFC 6266): an
    /// ASCII fallback name and the exact name in UTF-8 as filename*.
    /// </summary>
    public static string AttachmentDisposition(string name)
    {
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
            ascii.Append(c is >= ' ' and < (char)0x7F and not '"' and not '\\' and not '%' and not ';' ? c : '_');
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }
}
