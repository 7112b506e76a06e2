namespace CyberReview.SupplyChain.Versions;

/// <summary>
/// R's package_version, as CRAN orders versions: non-negative numbers separated by "." or "-" (which weigh the
/// same), compared in turn with missing numbers as 0; when they agree, the version with more numbers sorts after.
/// </summary>
internal sealed class CranOrdering : VersionOrdering
{
    public static readonly CranOrdering Instance = new();

    private CranOrdering()
        : base("CRAN")
    {
    }

    private protected override string? Read(string text, out PackageVersion? version)
    {
        version = null;
        var numbers = new List<Numeral>();
        int from = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '-'))
                continue;
            var piece = text.AsSpan(from, i - from);
            if (!Numeral.IsDigits(piece))
                return piece.IsEmpty ? "a number is missing between separators." : $"'{piece}' is not a number.";
            numbers.Add(Numeral.Parse(piece));
            from = i + 1;
        }
        version = new CranVersion(text, [.. numbers]);
        return null;
    }
}
