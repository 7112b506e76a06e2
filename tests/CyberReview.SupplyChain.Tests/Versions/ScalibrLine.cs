using CyberReview.SupplyChain.Versions;

namespace CyberReview.SupplyChain.Tests.Versions;

/// <summary>One line "A op B" of an osv-scalibr comparison file; blank lines and "# " or "// " comments are not lines.</summary>
internal readonly record struct ScalibrLine(string Left, int Expected, string Right)
{
    public static bool TryRead(string line, out ScalibrLine comparison)
    {
        comparison = default;
        if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("// ", StringComparison.Ordinal))
            return false;
        var pieces = line.Split(' ');
        if (pieces.Length != 3)
            throw new FormatException($"Not a comparison line: '{line}'.");
        int expected = pieces[1] switch
        {
            "<" => -1,
            "=" => 0,
            ">" => 1,
            _ => throw new FormatException($"Unknown comparator in '{line}'."),
        };
        comparison = new ScalibrLine(pieces[0], expected, pieces[2]);
        return true;
    }

    /// <summary>Null when the comparison holds both ways round; otherwise what went wrong.</summary>
    public string? Check(VersionOrdering ordering)
    {
        if (!ordering.TryParse(Left, out var left, out var reason) || !ordering.TryParse(Right, out var right, out reason))
            return reason;
        int forward = ordering.Compare(left, right);
        int backward = ordering.Compare(right, left);
        return forward == Expected && backward == -Expected ? null : $"compared {Word(forward)} and, reversed, {Word(backward)}";
    }

    private static string Word(int order) => order switch
    {
        < 0 => "less",
        0 => "equal",
        > 0 => "greater",
    };
}
