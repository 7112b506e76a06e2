namespace CyberReview.SupplyChain.Cvss;

/// <summary>
/// The CVSS v4.0 score: the MacroVector's score, lowered by the mean proportional severity distance of the vector
/// from the highest-severity vector of its MacroVector towards each next lower MacroVector (specification §8.2).
/// The arithmetic follows FIRST's reference calculator step by step, so that floating-point results agree with it.
/// </summary>
internal static class CvssV4Scoring
{
    private const double Step = 0.1;

    private static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    public static double Score(IReadOnlyDictionary<string, string> metrics)
    {
        string M(string metric) => Effective(metrics, metric);

        if (ImpactMetrics.All(metric => M(metric) == "N"))
            return 0.0;

        var eq1 = M("AV") == "N" && M("PR") == "N" && M("UI") == "N" ? 0
            : (M("AV") == "N" || M("PR") == "N" || M("UI") == "N") && M("AV") != "P" ? 1
            : 2;
        var eq2 = M("AC") == "L" && M("AT") == "N" ? 0 : 1;
        var eq3 = M("VC") == "H" && M("VI") == "H" ? 0 : M("VC") == "H" || M("VI") == "H" || M("VA") == "H" ? 1 : 2;
        var eq4 = M("MSI") == "S" || M("MSA") == "S" ? 0 : M("SC") == "H" || M("SI") == "H" || M("SA") == "H" ? 1 : 2;
        var eq5 = M("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (M("CR") == "H" && M("VC") == "H") || (M("IR") == "H" && M("VI") == "H") || (M("AR") == "H" && M("VA") == "H") ? 0 : 1;

        var scores = CvssV4MacroVectors.Scores;
        var value = scores[Macro(eq1, eq2, eq3, eq4, eq5, eq6)];

        var lowerEq1 = Lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        var lowerEq2 = Lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        var lowerEq3Eq6 = (eq3, eq6) switch
        {
            (1, 1) or (0, 1) => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6),
            (1, 0) => Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1),
            // 00 has two lower neighbours, 01 and 10: the higher of the two is the next step down.
            (0, 0) => Higher(Lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1), Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6)),
            _ => Lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1),
        };
        var lowerEq4 = Lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        var lowerEq5 = Lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first highest-severity vector of the MacroVector that the scored vector does not exceed anywhere.
        double dAV = 0, dPR = 0, dUI = 0, dAC = 0, dAT = 0, dVC = 0, dVI = 0, dVA = 0, dSC = 0, dSI = 0, dSA = 0, dCR = 0, dIR = 0, dAR = 0;
        foreach (var max in MaxVectors(eq1, eq2, eq3, eq4, eq5, eq6))
        {
            dAV = Level("AV", M("AV")) - Level("AV", Value(max, "AV"));
            dPR = Level("PR", M("PR")) - Level("PR", Value(max, "PR"));
            dUI = Level("UI", M("UI")) - Level("UI", Value(max, "UI"));
            dAC = Level("AC", M("AC")) - Level("AC", Value(max, "AC"));
            dAT = Level("AT", M("AT")) - Level("AT", Value(max, "AT"));
            dVC = Level("VC", M("VC")) - Level("VC", Value(max, "VC"));
            dVI = Level("VI", M("VI")) - Level("VI", Value(max, "VI"));
            dVA = Level("VA", M("VA")) - Level("VA", Value(max, "VA"));
            dSC = Level("SC", M("SC")) - Level("SC", Value(max, "SC"));
            dSI = Level("SI", M("SI")) - Level("SI", Value(max, "SI"));
            dSA = Level("SA", M("SA")) - Level("SA", Value(max, "SA"));
            dCR = Level("CR", M("CR")) - Level("CR", Value(max, "CR"));
            dIR = Level("IR", M("IR")) - Level("IR", Value(max, "IR"));
            dAR = Level("AR", M("AR")) - Level("AR", Value(max, "AR"));
            if (dAV >= 0 && dPR >= 0 && dUI >= 0 && dAC >= 0 && dAT >= 0 && dVC >= 0 && dVI >= 0 && dVA >= 0
                && dSC >= 0 && dSI >= 0 && dSA >= 0 && dCR >= 0 && dIR >= 0 && dAR >= 0)
                break;
        }

        var distanceEq1 = dAV + dPR + dUI;
        var distanceEq2 = dAC + dAT;
        var distanceEq3Eq6 = dVC + dVI + dVA + dCR + dIR + dAR;
        var distanceEq4 = dSC + dSI + dSA;

        var existingLower = 0;
        double normalized = 0;
        if (lowerEq1 is { } scoreEq1)
        {
            existingLower++;
            normalized += (value - scoreEq1) * (distanceEq1 / (CvssV4MacroVectors.Eq1Depth[eq1] * Step));
        }
        if (lowerEq2 is { } scoreEq2)
        {
            existingLower++;
            normalized += (value - scoreEq2) * (distanceEq2 / (CvssV4MacroVectors.Eq2Depth[eq2] * Step));
        }
        if (lowerEq3Eq6 is { } scoreEq3Eq6)
        {
            existingLower++;
            normalized += (value - scoreEq3Eq6) * (distanceEq3Eq6 / (CvssV4MacroVectors.Eq3Eq6Depth[eq3][eq6] * Step));
        }
        if (lowerEq4 is { } scoreEq4)
        {
            existingLower++;
            normalized += (value - scoreEq4) * (distanceEq4 / (CvssV4MacroVectors.Eq4Depth[eq4] * Step));
        }
        // EQ5's proportion is always 0, but an existing lower MacroVector still counts in the mean.
        if (lowerEq5 is not null)
            existingLower++;

        var mean = existingLower == 0 ? 0 : normalized / existingLower;
        var score = Math.Clamp(value - mean, 0.0, 10.0);
        // Half up at one decimal, lifted by an epsilon: the interpolation can land one ULP below an x.x5 tie.
        return Math.Round((score + 1e-6) * 10, MidpointRounding.AwayFromZero) / 10;
    }

    /// <summary>The value a metric takes for scoring: its modified metric when given, and the worst case for X.</summary>
    private static string Effective(IReadOnlyDictionary<string, string> metrics, string metric)
    {
        var selected = metrics.GetValueOrDefault(metric, "X");
        if (metric == "E" && selected == "X")
            return "A";
        if (metric is "CR" or "IR" or "AR" && selected == "X")
            return "H";
        if (metrics.TryGetValue("M" + metric, out var modified) && modified != "X")
            return modified;
        return selected;
    }

    private static IEnumerable<string> MaxVectors(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        from a in CvssV4MacroVectors.Eq1Maxima[eq1]
        from b in CvssV4MacroVectors.Eq2Maxima[eq2]
        from c in CvssV4MacroVectors.Eq3Eq6Maxima[eq3][eq6]
        from d in CvssV4MacroVectors.Eq4Maxima[eq4]
        from e in CvssV4MacroVectors.Eq5Maxima[eq5]
        select a + b + c + d + e;

    private static string Value(string vector, string metric)
    {
        var start = vector.IndexOf(metric + ":", StringComparison.Ordinal) + metric.Length + 1;
        return vector[start..vector.IndexOf('/', start)];
    }

    private static double Level(string metric, string value) => (metric, value) switch
    {
        ("AV", "N") or ("PR", "N") or ("UI", "N") or ("AC", "L") or ("AT", "N") => 0.0,
        ("AV", "A") or ("PR", "L") or ("UI", "P") or ("AC", "H") or ("AT", "P") => 0.1,
        ("AV", "L") or ("PR", "H") or ("UI", "A") => 0.2,
        ("AV", "P") => 0.3,
        ("VC" or "VI" or "VA", "H") => 0.0,
        ("VC" or "VI" or "VA", "L") => 0.1,
        ("VC" or "VI" or "VA", "N") => 0.2,
        ("SC" or "SI" or "SA", "S") => 0.0,
        ("SC" or "SI" or "SA", "H") => 0.1,
        ("SC" or "SI" or "SA", "L") => 0.2,
        ("SC" or "SI" or "SA", "N") => 0.3,
        ("CR" or "IR" or "AR", "H") => 0.0,
        ("CR" or "IR" or "AR", "M") => 0.1,
        ("CR" or "IR" or "AR", "L") => 0.2,
        _ => throw new InvalidOperationException($"No severity level for {metric}:{value}."),
    };

    private static string Macro(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        string.Create(6, (eq1, eq2, eq3, eq4, eq5, eq6), static (span, eq) =>
        {
            span[0] = (char)('0' + eq.eq1);
            span[1] = (char)('0' + eq.eq2);
            span[2] = (char)('0' + eq.eq3);
            span[3] = (char)('0' + eq.eq4);
            span[4] = (char)('0' + eq.eq5);
            span[5] = (char)('0' + eq.eq6);
        });

    private static double? Lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        CvssV4MacroVectors.Scores.TryGetValue(Macro(eq1, eq2, eq3, eq4, eq5, eq6), out var score) ? score : null;

    // As the reference calculator compares: the left one only when both exist and it is higher.
    private static double? Higher(double? left, double? right) =>
        left is { } l && right is { } r && l > r ? l : right;
}
