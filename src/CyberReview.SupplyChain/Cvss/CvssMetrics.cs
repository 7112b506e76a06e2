namespace CyberReview.SupplyChain.Cvss;

/// <summary>The metrics each CVSS version defines and the values each may take.</summary>
internal static class CvssMetrics
{
    public static readonly string[] V3Base = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];

    public static readonly string[] V4Base = ["AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA"];

    public static readonly IReadOnlyDictionary<string, string[]> V3 = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["AC"] = ["L", "H"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "R"],
        ["S"] = ["U", "C"],
        ["C"] = ["H", "L", "N"],
        ["I"] = ["H", "L", "N"],
        ["A"] = ["H", "L", "N"],
        ["E"] = ["X", "H", "F", "P", "U"],
        ["RL"] = ["X", "U", "W", "T", "O"],
        ["RC"] = ["X", "C", "R", "U"],
        ["CR"] = ["X", "H", "M", "L"],
        ["IR"] = ["X", "H", "M", "L"],
        ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"],
        ["MAC"] = ["X", "L", "H"],
        ["MPR"] = ["X", "N", "L", "H"],
        ["MUI"] = ["X", "N", "R"],
        ["MS"] = ["X", "U", "C"],
        ["MC"] = ["X", "H", "L", "N"],
        ["MI"] = ["X", "H", "L", "N"],
        ["MA"] = ["X", "H", "L", "N"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> V4 = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"],
        ["AC"] = ["L", "H"],
        ["AT"] = ["N", "P"],
        ["PR"] = ["N", "L", "H"],
        ["UI"] = ["N", "P", "A"],
        ["VC"] = ["H", "L", "N"],
        ["VI"] = ["H", "L", "N"],
        ["VA"] = ["H", "L", "N"],
        ["SC"] = ["H", "L", "N"],
        ["SI"] = ["H", "L", "N"],
        ["SA"] = ["H", "L", "N"],
        ["E"] = ["X", "A", "P", "U"],
        ["CR"] = ["X", "H", "M", "L"],
        ["IR"] = ["X", "H", "M", "L"],
        ["AR"] = ["X", "H", "M", "L"],
        ["MAV"] = ["X", "N", "A", "L", "P"],
        ["MAC"] = ["X", "L", "H"],
        ["MAT"] = ["X", "N", "P"],
        ["MPR"] = ["X", "N", "L", "H"],
        ["MUI"] = ["X", "N", "P", "A"],
        ["MVC"] = ["X", "H", "L", "N"],
        ["MVI"] = ["X", "H", "L", "N"],
        ["MVA"] = ["X", "H", "L", "N"],
        ["MSC"] = ["X", "H", "L", "N"],
        ["MSI"] = ["X", "S", "H", "L", "N"],
        ["MSA"] = ["X", "S", "H", "L", "N"],
        ["S"] = ["X", "N", "P"],
        ["AU"] = ["X", "N", "Y"],
        ["R"] = ["X", "A", "U", "I"],
        ["V"] = ["X", "D", "C"],
        ["RE"] = ["X", "L", "M", "H"],
        ["U"] = ["X", "Clear", "Green", "Amber", "Red"],
    };
}
