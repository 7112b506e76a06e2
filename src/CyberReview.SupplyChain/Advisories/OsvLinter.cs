using CyberReview.SupplyChain.Purls;

namespace CyberReview.SupplyChain.Advisories;

/// <summary>
/// The OSV linter's offline record, range and package rules (REC:001–004, RNG:001–002, PKG:003) over a read advisory.
/// PKG:001 (package exists) and PKG:002 (versions exist) ask the ecosystems' registries and are not checked here.
/// </summary>
public static class OsvLinter
{
    /// <summary>
    /// The problems of <paramref name="advisory"/>. A withdrawn record is not linted, as the OSV linter does by
    /// default: it no longer states anything to match.
    /// </summary>
    /// <param name="advisory">A record read by <see cref="OsvReader"/>.</param>
    public static IReadOnlyList<AdvisoryProblem> Check(Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var problems = new List<AdvisoryProblem>();
        if (advisory.IsWithdrawn)
            return problems;

        if (advisory.Affected.Count == 0)
            problems.Add(new(OsvRule.AffectedExists, "the record has no affected data"));

        CheckIdList(problems, OsvRule.ValidAliases, "aliases", advisory.Id, advisory.Aliases);
        CheckIdList(problems, OsvRule.ValidRelated, "related", advisory.Id, advisory.Related);
        if (CheckIdList(problems, OsvRule.ValidUpstream, "upstream", advisory.Id, advisory.Upstream) is { } upstream)
        {
            if (advisory.Aliases.FirstOrDefault(upstream.Contains) is { } alias)
                problems.Add(new(OsvRule.ValidUpstream, $"upstream should not contain aliases (\"{alias}\")"));
            if (advisory.Related.FirstOrDefault(upstream.Contains) is { } related)
                problems.Add(new(OsvRule.ValidUpstream, $"upstream should not contain related ids (\"{related}\")"));
        }

        for (var index = 0; index < advisory.Affected.Count; index++)
            CheckAffected(problems, advisory.Affected[index], $"affected[{index}]");
        return problems;
    }

    private static void CheckAffected(List<AdvisoryProblem> problems, AffectedPackage affected, string path)
    {
        if (affected.Purl is { } purl && !PackageUrl.TryParse(purl, PackageUrlParseMode.Lenient, out _))
            problems.Add(new(OsvRule.PackagePurlValid, $"'{path}.package.purl' is not a valid package URL: \"{purl}\""));

        for (var index = 0; index < affected.Ranges.Count; index++)
        {
            var range = affected.Ranges[index];
            var rangePath = $"{path}.ranges[{index}]";
            if (!affected.HasPackage && range.Type != RangeType.Git)
                problems.Add(new(OsvRule.RangeIsDistinct, $"'{rangePath}' is a {range.Type.ToString().ToUpperInvariant()} range of an entry without a package; only GIT ranges may stand alone"));

            if (!range.Events.Any(e => e.Kind == RangeEventKind.Introduced))
                problems.Add(new(OsvRule.IntroducedEventExists, $"'{rangePath}' has no 'introduced' event"));

            var introduced = range.Events.Where(e => e.Kind == RangeEventKind.Introduced).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
            // last_affected may equal introduced (a single affected version); fixed may not.
            foreach (var overlap in range.Events.Where(e => e.Kind == RangeEventKind.Fixed && introduced.Contains(e.Value)))
                problems.Add(new(OsvRule.RangeIsDistinct, $"'{rangePath}' has overlapping events: \"{overlap.Value}\" is both introduced and fixed"));
        }
    }

    private static HashSet<string>? CheckIdList(List<AdvisoryProblem> problems, OsvRule rule, string field, string id, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
            return null;
        var unique = ids.ToHashSet(StringComparer.Ordinal);
        if (unique.Count != ids.Count)
            problems.Add(new(rule, $"{field} should not contain duplicate entries"));
        if (unique.Contains(id))
            problems.Add(new(rule, $"{field} should not contain the record's own id \"{id}\""));
        return unique;
    }
}
