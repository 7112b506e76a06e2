using System.Text.RegularExpressions;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Criteria;

/// <summary>
/// One requirement of a <see cref="CriteriaCatalogue"/>: what must hold of a product, service or provider, how an
/// evaluator checks it, and the standard clauses it rests on. Immutable; lists are copied on construction.
/// </summary>
/// <remarks>
/// An id is <c>CR-</c>, the two-letter code of its risk area (<see cref="AreaCode"/>), a hyphen and a two- or
/// three-digit number: <c>CR-IC-01</c>. Ids are kept for good: a later catalogue version that drops a criterion
/// does not give its id to another one, so findings keep meaning what they meant.
/// </remarks>
public sealed partial class Criterion
{
    /// <summary>Creates a criterion. Content rules (id form, both languages, at least one reference…) are checked by <see cref="CriteriaCatalogue.Validate"/>, not here.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Criterion(
        string id,
        RiskArea riskArea,
        Quality quality,
        BilingualText title,
        BilingualText requirement,
        BilingualText guidance,
        IEnumerable<ActivityKind> activities,
        IEnumerable<ProductKind> productKinds,
        IEnumerable<StandardReference> references)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(productKinds);
        ArgumentNullException.ThrowIfNull(references);
        Id = id;
        RiskArea = riskArea;
        Quality = quality;
        Title = title;
        Requirement = requirement;
        Guidance = guidance;
        Activities = [.. activities.Distinct()];
        ProductKinds = [.. productKinds.Distinct()];
        References = [.. references.Select(reference => reference ?? throw new ArgumentNullException(nameof(references)))];
    }

    /// <summary>The criterion's id, e.g. <c>CR-SC-04</c>.</summary>
    public string Id { get; }

    /// <summary>The risk area of Art. 4 the criterion belongs to.</summary>
    public RiskArea RiskArea { get; }

    /// <summary>The quality of Art. 12 the criterion mainly tests.</summary>
    public Quality Quality { get; }

    /// <summary>A short name.</summary>
    public BilingualText Title { get; }

    /// <summary>What must hold.</summary>
    public BilingualText Requirement { get; }

    /// <summary>How an evaluator checks it, and what counts as evidence.</summary>
    public BilingualText Guidance { get; }

    /// <summary>The evaluation activities of Art. 3 that typically establish it.</summary>
    public IReadOnlyList<ActivityKind> Activities { get; }

    /// <summary>The kinds of product or service it applies to.</summary>
    public IReadOnlyList<ProductKind> ProductKinds { get; }

    /// <summary>The standard clauses it rests on.</summary>
    public IReadOnlyList<StandardReference> References { get; }

    /// <summary>Whether the criterion applies to products or services of this kind.</summary>
    public bool AppliesTo(ProductKind kind) => ProductKinds.Contains(kind);

    /// <summary>The text of one of the criterion's fields.</summary>
    public BilingualText Text(CriterionText field) => field switch
    {
        CriterionText.Title => Title,
        CriterionText.Requirement => Requirement,
        CriterionText.Guidance => Guidance,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown criterion text."),
    };

    /// <summary>The two-letter code of a risk area used in criterion ids: IC, SC, UI, UC, NS.</summary>
    public static string AreaCode(RiskArea area) => area switch
    {
        RiskArea.IllegalControl => "IC",
        RiskArea.SupplyChain => "SC",
        RiskArea.UserInformation => "UI",
        RiskArea.UnfairCompetition => "UC",
        RiskArea.OtherNationalSecurity => "NS",
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, "Unknown risk area."),
    };

    /// <summary>Whether an id has the form <c>CR-XX-nn</c> with the code of the given risk area.</summary>
    public static bool IsWellFormedId(string id, RiskArea area)
    {
        ArgumentNullException.ThrowIfNull(id);
        var match = IdPattern().Match(id);
        return match.Success && Enum.IsDefined(area) && match.Groups["area"].Value == AreaCode(area);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Title.English}";

    [GeneratedRegex(@"^CR-(?<area>[A-Z]{2})-(?!0+\z)[0-9]{2,3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
