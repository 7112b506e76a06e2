using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.Products;

/// <summary>
/// A reviewed version's composition is frozen: once a case that names the version has left Draft (the office has
/// seen it, screened it, evaluated it, decided on it, or it was withdrawn after that), the version and its
/// components are what was reviewed, and changing them would silently change what a result speaks for.
/// </summary>
/// <remarks>
/// A withdrawn case freezes too: the state alone does not say whether the office saw it, and the conservative
/// answer costs the provider only a new version.
/// </remarks>
public static class Composition
{
    /// <summary>Whether a case in this state holds the composition of the versions it names.</summary>
    public static bool Freezes(CaseState state) => state != CaseState.Draft;

    /// <summary>
    /// Whether a version named by these cases may change (null), or which cases freeze it, in the order given
    /// and without repeats.
    /// </summary>
    public static CompositionFrozen? Check(IEnumerable<CaseNamingVersion> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var freezing = cases.Where(c => Freezes(c.State)).Select(c => c.Number).Distinct(StringComparer.Ordinal).ToList();
        return freezing.Count == 0 ? null : new CompositionFrozen(freezing);
    }
}
