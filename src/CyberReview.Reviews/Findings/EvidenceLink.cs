using System.Text.RegularExpressions;

namespace CyberReview.Reviews.Findings;

/// <summary>
/// A reference from a finding to an item of evidence: what it is (label), where it is (an http or https URL),
/// and its SHA-256 digest so anyone can check that the item they hold is the one meant. The label is required;
/// URL and digest are optional. This is a reference by text; the evidence itself is kept elsewhere.
/// </summary>
public sealed partial record EvidenceLink(string Label, string? Url, string? Sha256)
{
    public const int MaxLabelLength = 300;
    public const int MaxUrlLength = 2000;

    /// <summary>What is wrong with the link; empty when it is usable.</summary>
    public IReadOnlyList<EvidenceProblem> Problems()
    {
        var problems = new List<EvidenceProblem>();
        if (string.IsNullOrWhiteSpace(Label))
            problems.Add(EvidenceProblem.LabelMissing);
        else if (Label.Length > MaxLabelLength)
            problems.Add(EvidenceProblem.LabelTooLong);
        if (!string.IsNullOrWhiteSpace(Url) && (Url.Length > MaxUrlLength || !IsWebAddress(Url.Trim())))
            problems.Add(EvidenceProblem.UrlNotWebAddress);
        if (!string.IsNullOrWhiteSpace(Sha256) && NormalizeDigest(Sha256) is null)
            problems.Add(EvidenceProblem.DigestNotSha256);
        return problems;
    }

    /// <summary>
    /// A SHA-256 digest as 64 lower-case hexadecimal digits, from the same with any case and an optional
    /// <c>sha256:</c> prefix; null when the text is not such a digest.
    /// </summary>
    public static string? NormalizeDigest(string? text)
    {
        if (text is null)
            return null;
        var digest = text.Trim();
        if (digest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
            digest = digest["sha256:".Length..];
        return DigestPattern().IsMatch(digest) ? digest.ToLowerInvariant() : null;
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    [GeneratedRegex("^[0-9A-Fa-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}

/// <summary>What is wrong with an <see cref="EvidenceLink"/>.</summary>
public enum EvidenceProblem
{
    LabelMissing,
    LabelTooLong,
    /// <summary>The URL is not an absolute http or https address with a host.</summary>
    UrlNotWebAddress,
    /// <summary>The digest is not 64 hexadecimal digits (optionally after <c>sha256:</c>).</summary>
    DigestNotSha256,
}
