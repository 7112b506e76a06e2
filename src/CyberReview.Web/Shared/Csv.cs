namespace CyberReview.Web.Shared;

/// <summary>CSV as the exports write it (RFC 4180), safe to open in a spreadsheet.</summary>
public static class Csv
{
    /// <summary>
    /// One CSV value. A value a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return)
    /// gets a leading apostrophe, so that opening an export never runs what someone typed into a field; a value with a
    /// comma, quote or line break is quoted, its quotes doubled.
    /// </summary>
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
