using System.Diagnostics.CodeAnalysis;

namespace CyberReview.SupplyChain.Cvss;

/// <summary>
/// A parsed CVSS v3.0, v3.1 or v4.0 vector string and its base score computed by the version's specification:
/// v3.x by the base equations with the v3.1 Roundup; v4.0 by the MacroVector lookup and severity-distance
/// interpolation of the FIRST specification (for a vector with threat or environmental metrics this is the
/// CVSS-BT/BE/BTE score the same algorithm gives).
/// </summary>
/// <remarks>
/// Metrics may come in any order but each only once; every base metric must be present; unknown metrics and
/// values are refused. Instances are immutable.
/// </remarks>
public sealed class CvssVector
{
    private readonly Dictionary<string, string> _metrics;

    private CvssVector(string text, CvssVersion version, Dictionary<string, string> metrics)
    {
        Text = text;
        Version = version;
        _metrics = metrics;
        BaseScore = version == CvssVersion.Cvss40 ? CvssV4Scoring.Score(metrics) : CvssV3Scoring.BaseScore(metrics);
    }

    /// <summary>The vector exactly as given.</summary>
    public string Text { get; }

    /// <summary>The version its prefix declares.</summary>
    public CvssVersion Version { get; }

    /// <summary>The metrics given, abbreviation to value (e.g. <c>AV</c> → <c>N</c>).</summary>
    public IReadOnlyDictionary<string, string> Metrics => _metrics;

    /// <summary>The score, 0.0 to 10.0 with one decimal.</summary>
    public double BaseScore { get; }

    /// <summary>The rating of <see cref="BaseScore"/>.</summary>
    public CvssSeverity Severity => Rate(BaseScore);

    /// <summary>The rating of a score on the scale v3.x and v4.0 share.</summary>
    /// <param name="score">A score from 0.0 to 10.0.</param>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0–10.</exception>
    public static CvssSeverity Rate(double score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 10.0);
        return score switch
        {
            0.0 => CvssSeverity.None,
            < 4.0 => CvssSeverity.Low,
            < 7.0 => CvssSeverity.Medium,
            < 9.0 => CvssSeverity.High,
            _ => CvssSeverity.Critical,
        };
    }

    /// <summary>Parses a vector string.</summary>
    /// <param name="vector">E.g. <c>CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H</c>.</param>
    /// <exception cref="CvssFormatException">The vector is not valid; the message says why.</exception>
    public static CvssVector Parse(string vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return TryParse(vector, out var result, out var error) ? result : throw new CvssFormatException($"Invalid CVSS vector \"{vector}\": {error}.");
    }

    /// <summary>Parses a vector string without throwing.</summary>
    /// <param name="vector">The vector string.</param>
    /// <param name="result">The vector, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? vector, [NotNullWhen(true)] out CvssVector? result) =>
        TryParse(vector, out result, out _);

    /// <summary>Parses a vector string without throwing, saying why when it is not valid.</summary>
    /// <param name="vector">The vector string.</param>
    /// <param name="result">The vector, when valid.</param>
    /// <param name="error">Why it is not valid, when it is not.</param>
    public static bool TryParse([NotNullWhen(true)] string? vector, [NotNullWhen(true)] out CvssVector? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        if (string.IsNullOrEmpty(vector))
        {
            error = "the vector is empty";
            return false;
        }

        CvssVersion version;
        IReadOnlyDictionary<string, string[]> definition;
        if (vector.StartsWith("CVSS:3.0/", StringComparison.Ordinal))
            (version, definition) = (CvssVersion.Cvss30, CvssMetrics.V3);
        else if (vector.StartsWith("CVSS:3.1/", StringComparison.Ordinal))
            (version, definition) = (CvssVersion.Cvss31, CvssMetrics.V3);
        else if (vector.StartsWith("CVSS:4.0/", StringComparison.Ordinal))
            (version, definition) = (CvssVersion.Cvss40, CvssMetrics.V4);
        else
        {
            error = "it must start with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/ (CVSS v2 vectors are not scored)";
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector["CVSS:3.0/".Length..].Split('/'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == part.Length - 1)
            {
                error = $"\"{part}\" is not a metric:value pair";
                return false;
            }
            var (name, value) = (part[..colon], part[(colon + 1)..]);
            if (!definition.TryGetValue(name, out var allowed))
            {
                error = $"\"{name}\" is not a CVSS {Number(version)} metric";
                return false;
            }
            if (!allowed.Contains(value, StringComparer.Ordinal))
            {
                error = $"\"{value}\" is not a value of {name} (allowed: {string.Join(", ", allowed)})";
                return false;
            }
            if (!metrics.TryAdd(name, value))
            {
                error = $"{name} is given twice";
                return false;
            }
        }

        var missing = (version == CvssVersion.Cvss40 ? CvssMetrics.V4Base : CvssMetrics.V3Base).Where(name => !metrics.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            error = $"the base metric{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "are" : "is")} missing";
            return false;
        }

        result = new CvssVector(vector, version, metrics);
        error = null;
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static string Number(CvssVersion version) => version switch
    {
        CvssVersion.Cvss30 => "3.0",
        CvssVersion.Cvss31 => "3.1",
        CvssVersion.Cvss40 => "4.0",
    };
}
