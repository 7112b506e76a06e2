namespace CyberReview.SupplyChain.Cvss;

/// <summary>The CVSS v3.x base equations (identical in 3.0 and 3.1), with the 3.1 Roundup.</summary>
internal static class CvssV3Scoring
{
    public static double BaseScore(IReadOnlyDictionary<string, string> metrics)
    {
        var changed = metrics["S"] == "C";
        var attackVector = metrics["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };
        var attackComplexity = metrics["AC"] == "L" ? 0.77 : 0.44;
        var privileges = metrics["PR"] switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, _ => changed ? 0.5 : 0.27 };
        var interaction = metrics["UI"] == "N" ? 0.85 : 0.62;

        var iss = 1 - ((1 - Impact(metrics["C"])) * (1 - Impact(metrics["I"])) * (1 - Impact(metrics["A"])));
        var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        if (impact <= 0)
            return 0.0;
        var exploitability = 8.22 * attackVector * attackComplexity * privileges * interaction;
        return Roundup(changed ? Math.Min(1.08 * (impact + exploitability), 10) : Math.Min(impact + exploitability, 10));
    }

    /// <summary>
    /// The smallest number with one decimal that is equal to or higher than the input, computed as CVSS 3.1
    /// Appendix A does so that floating-point noise (4.000000000000001) does not lift a score by 0.1.
    /// </summary>
    public static double Roundup(double input)
    {
        var scaled = (long)Math.Round(input * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.Floor(scaled / 10_000.0) + 1) / 10.0;
    }

    private static double Impact(string value) => value switch { "H" => 0.56, "L" => 0.22, _ => 0.0 };
}
