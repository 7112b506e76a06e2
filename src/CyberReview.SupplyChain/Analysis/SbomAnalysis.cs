using CyberReview.SupplyChain.Advisories;
using CyberReview.SupplyChain.Sboms;
using CyberReview.SupplyChain.Vex;

namespace CyberReview.SupplyChain.Analysis;

/// <summary>
/// Analyses an SBOM: which of its components advisories affect (VEX applied), which cannot be checked for want of a
/// comparable version, and the supply-chain facts (suppliers, licences, depth, ecosystems).
/// </summary>
/// <remarks>
/// Matching goes through the index (one dictionary lookup per component), never a scan of the advisories. To analyse many
/// SBOMs against the same advisories, make one <see cref="AdvisoryMatcher"/> and pass it each time: the ranges it
/// prepares are then parsed once for all of them.
/// </remarks>
public static class SbomAnalysis
{
    /// <summary>Analyses <paramref name="sbom"/> against <paramref name="advisories"/>.</summary>
    /// <param name="sbom">The SBOM.</param>
    /// <param name="advisories">The advisories.</param>
    /// <param name="vex">VEX statements to apply (e.g. every statement of <see cref="VexReader.Read(string)"/>), or null.</param>
    /// <param name="licences">Which licences concern; <see cref="LicencePolicy.Default"/> when null.</param>
    public static SbomAnalysisReport Analyse(Sbom sbom, AdvisoryIndex advisories, IEnumerable<VexStatement>? vex = null, LicencePolicy? licences = null) =>
        Analyse(sbom, new AdvisoryMatcher(advisories), vex is null ? null : new VexApplication(vex), licences);

    /// <summary>Analyses <paramref name="sbom"/> with a matcher that may be shared between analyses.</summary>
    /// <param name="sbom">The SBOM.</param>
    /// <param name="matcher">The matcher over the advisories.</param>
    /// <param name="vex">The VEX statements to apply, or null.</param>
    /// <param name="licences">Which licences concern; <see cref="LicencePolicy.Default"/> when null.</param>
    public static SbomAnalysisReport Analyse(Sbom sbom, AdvisoryMatcher matcher, VexApplication? vex = null, LicencePolicy? licences = null)
    {
        ArgumentNullException.ThrowIfNull(sbom);
        ArgumentNullException.ThrowIfNull(matcher);
        var findings = new List<VulnerabilityFinding>();
        var unknown = new List<UnknownVersion>();
        foreach (var match in matcher.Match(sbom.Components))
        {
            foreach (var found in match.Matches)
                findings.Add(new VulnerabilityFinding(match.Component, found.Advisory, found.Severity, found.FixedVersions, vex?.For(match.Component, found.Advisory)));
            if (match.Unknown is { } version)
                unknown.Add(version);
        }
        findings.Sort(static (a, b) =>
        {
            var bySeverity = b.Severity.Rating.CompareTo(a.Severity.Rating);
            if (bySeverity != 0)
                return bySeverity;
            var byScore = (b.Severity.Score ?? 0).CompareTo(a.Severity.Score ?? 0);
            if (byScore != 0)
                return byScore;
            var byComponent = string.CompareOrdinal(Key(a.Component), Key(b.Component));
            return byComponent != 0 ? byComponent : string.CompareOrdinal(a.Advisory.Id, b.Advisory.Id);
        });
        return new SbomAnalysisReport(sbom, findings, unknown, SupplyChainFacts.Of(sbom, licences), matcher.Index.AdvisoryCount);
    }

    /// <summary>How a component is named in reports: its purl, else name@version.</summary>
    /// <param name="component">The component.</param>
    public static string Key(SbomComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.Purl?.ToString() ?? component.ToString();
    }
}
