namespace CyberReview.Cli;

/// <summary>
/// Columns padded to their widest cell: readable in a terminal and easy to cut in a pipe, at any width
/// (a bordered table wraps or truncates when output is redirected).
/// </summary>
internal static class TextTable
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<string> headings, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headings.Select((heading, column) => rows.Select(row => row[column].Length).Append(heading.Length).Max()).ToArray();
        await WriteRowAsync(output, headings, widths);
        await WriteRowAsync(output, [.. widths.Select(width => new string('-', width))], widths);
        foreach (var row in rows)
            await WriteRowAsync(output, row, widths);
    }

    private static Task WriteRowAsync(TextWriter output, IReadOnlyList<string> cells, int[] widths) =>
        output.WriteLineAsync(string.Join("  ", cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
