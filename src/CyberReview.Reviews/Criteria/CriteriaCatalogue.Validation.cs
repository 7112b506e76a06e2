using System.Text.RegularExpressions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Criteria;

public sealed partial class CriteriaCatalogue
{
    /// <summary>
    /// Everything wrong with the catalogue, in a stable order (catalogue-wide problems first, then per criterion in
    /// catalogue order); empty when the catalogue is sound. A sound catalogue has a well-formed version, an approval
    /// date exactly when approved, a title in both languages, and criteria that cover every risk area and every
    /// quality, with unique well-formed ids, texts in both languages, at least one activity, product kind and cited
    /// standard clause each.
    /// </summary>
    public IReadOnlyList<CatalogueProblem> Validate()
    {
        var problems = new List<CatalogueProblem>();
        if (!VersionPattern().IsMatch(Version))
            problems.Add(new CatalogueProblem.MalformedVersion(Version));
        if ((Status == CatalogueStatus.Approved) != ApprovedOn.HasValue || !Enum.IsDefined(Status))
            problems.Add(new CatalogueProblem.ApprovalMismatch(Status, ApprovedOn));
        problems.AddRange(Title.MissingLanguages().Select(language => new CatalogueProblem.MissingTitle(language)));
        if (Criteria.Count == 0)
            problems.Add(new CatalogueProblem.Empty());
        problems.AddRange(Enum.GetValues<RiskArea>()
            .Where(area => !Criteria.Any(criterion => criterion.RiskArea == area))
            .Select(area => new CatalogueProblem.AreaNotCovered(area)));
        problems.AddRange(Enum.GetValues<Quality>()
            .Where(quality => !Criteria.Any(criterion => criterion.Quality == quality))
            .Select(quality => new CatalogueProblem.QualityNotCovered(quality)));
        problems.AddRange(Criteria
            .GroupBy(criterion => criterion.Id, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .Select(group => new CatalogueProblem.DuplicateId(group.Key, group.Count())));
        foreach (var criterion in Criteria)
            problems.AddRange(ProblemsOf(criterion));
        return problems;
    }

    private static IEnumerable<CatalogueProblem> ProblemsOf(Criterion criterion)
    {
        var id = criterion.Id;
        if (!Criterion.IsWellFormedId(id, criterion.RiskArea))
            yield return new CatalogueProblem.MalformedId(id, criterion.RiskArea);
        if (!Enum.IsDefined(criterion.RiskArea))
            yield return new CatalogueProblem.UnknownValue(id, nameof(Criterion.RiskArea), (int)criterion.RiskArea);
        if (!Enum.IsDefined(criterion.Quality))
            yield return new CatalogueProblem.UnknownValue(id, nameof(Criterion.Quality), (int)criterion.Quality);
        foreach (var activity in criterion.Activities.Where(activity => !Enum.IsDefined(activity)))
            yield return new CatalogueProblem.UnknownValue(id, nameof(Criterion.Activities), (int)activity);
        foreach (var kind in criterion.ProductKinds.Where(kind => !Enum.IsDefined(kind)))
            yield return new CatalogueProblem.UnknownValue(id, nameof(Criterion.ProductKinds), (int)kind);
        foreach (var field in Enum.GetValues<CriterionText>())
        {
            foreach (var language in criterion.Text(field).MissingLanguages())
                yield return new CatalogueProblem.MissingText(id, field, language);
        }
        if (criterion.Activities.Count == 0)
            yield return new CatalogueProblem.NoActivity(id);
        if (criterion.ProductKinds.Count == 0)
            yield return new CatalogueProblem.NoProductKind(id);
        if (criterion.References.Count == 0)
            yield return new CatalogueProblem.NoReference(id);
        foreach (var repeated in criterion.References.GroupBy(reference => reference).Where(group => group.Count() > 1))
            yield return new CatalogueProblem.DuplicateReference(id, repeated.Key);
    }

    [GeneratedRegex(@"^20[0-9]{2}\.[1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
