namespace CyberReview.Cli;

/// <summary>The streams a command reads from and reports to; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole Standard => new(Console.In, Console.Out, Console.Error);
}
