using System.Diagnostics.CodeAnalysis;
using CyberReview.Reviews.Products;

namespace CyberReview.Reviews.Criteria;

/// <summary>
/// A versioned catalogue of review criteria (Measures, Art. 12): what evaluators check a product, service and
/// provider against, in the five risk areas of Art. 4. Immutable. A case records the version it was evaluated
/// against, and every finding names a criterion of that version.
/// </summary>
/// <remarks>
/// Construction accepts incomplete drafts; <see cref="Validate"/> lists what is wrong with one. Lookups by id ignore
/// case; when ids repeat (a problem <see cref="Validate"/> reports) the first criterion with the id wins.
/// </remarks>
public sealed partial class CriteriaCatalogue
{
    private readonly Dictionary<string, Criterion> _byId;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="version">The version, year.number: <c>2026.1</c>.</param>
    /// <param name="status">Draft, or approved by the committee.</param>
    /// <param name="approvedOn">The date of the committee's approval; null for a draft.</param>
    /// <param name="title">The catalogue's title.</param>
    /// <param name="criteria">The criteria, in the order they are presented.</param>
    /// <param name="sources">What the catalogue draws on: the measures and the standards it cites.</param>
    /// <exception cref="ArgumentNullException">An argument (or a criterion or source) is null.</exception>
    public CriteriaCatalogue(
        string version,
        CatalogueStatus status,
        DateOnly? approvedOn,
        BilingualText title,
        IEnumerable<Criterion> criteria,
        IEnumerable<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(criteria);
        Version = version;
        Status = status;
        ApprovedOn = approvedOn;
        Title = title;
        Criteria = [.. criteria.Select(criterion => criterion ?? throw new ArgumentNullException(nameof(criteria)))];
        Sources = [.. (sources ?? []).Select(source => source ?? throw new ArgumentNullException(nameof(sources)))];
        _byId = new Dictionary<string, Criterion>(StringComparer.OrdinalIgnoreCase);
        foreach (var criterion in Criteria)
            _byId.TryAdd(criterion.Id, criterion);
    }

    /// <summary>The version, year.number: <c>2026.1</c>.</summary>
    public string Version { get; }

    /// <summary>Draft, or approved by the committee.</summary>
    public CatalogueStatus Status { get; }

    /// <summary>The date of the committee's approval; null for a draft.</summary>
    public DateOnly? ApprovedOn { get; }

    /// <summary>The catalogue's title.</summary>
    public BilingualText Title { get; }

    /// <summary>What the catalogue draws on: the measures and the standards it cites.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The criteria, in the order they are presented.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The criterion with this id (ignoring case), or null when the catalogue has none.</summary>
    public Criterion? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>Whether the catalogue has a criterion with this id (ignoring case), and which.</summary>
    public bool TryFind(string id, [NotNullWhen(true)] out Criterion? criterion)
    {
        criterion = Find(id);
        return criterion is not null;
    }

    /// <summary>The criteria of one risk area, in catalogue order.</summary>
    public IReadOnlyList<Criterion> InArea(RiskArea area) => [.. Criteria.Where(criterion => criterion.RiskArea == area)];

    /// <summary>The criteria that test one quality, in catalogue order.</summary>
    public IReadOnlyList<Criterion> WithQuality(Quality quality) => [.. Criteria.Where(criterion => criterion.Quality == quality)];

    /// <summary>The criteria that apply to a kind of product or service, in catalogue order.</summary>
    public IReadOnlyList<Criterion> ApplicableTo(ProductKind kind) => [.. Criteria.Where(criterion => criterion.AppliesTo(kind))];

    /// <summary>All distinct standard clauses the catalogue cites, in order of first citation.</summary>
    public IReadOnlyList<StandardReference> References() => [.. Criteria.SelectMany(criterion => criterion.References).Distinct()];

    /// <inheritdoc/>
    public override string ToString() => $"{Title.English} {Version} ({Status})";
}
