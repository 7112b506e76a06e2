using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.Undertakings;

/// <summary>
/// Art. 13: the institutions and people who gather information in a review are bound to keep it confidential and to use
/// it only for the review. Before their first access to a case's material, those who hold it to work on it (the
/// assigned institution's evaluators, the panel's experts) accept the confidentiality terms for that case; the office,
/// the committee and the sector authority are bound by their office, and the provider owns what it hands over.
/// </summary>
public static class ConfidentialityUndertaking
{
    /// <summary>
    /// The terms in force, recorded with each acceptance; their text is the resource <c>Undertakings.Terms.{CurrentTerms}</c>
    /// in every language. New terms get a new version (and a new resource): everyone accepts them again before going on.
    /// </summary>
    public const string CurrentTerms = "2026-1";

    /// <summary>Whether a holder of <paramref name="part"/> must accept the terms before reading the case.</summary>
    public static bool RequiredOf(CaseActor part) => part switch
    {
        CaseActor.Evaluator or CaseActor.Expert => true,
        CaseActor.Office or CaseActor.Committee or CaseActor.Provider or CaseActor.SectorAuthority or CaseActor.System => false,
    };

    /// <summary>Whether someone holding <paramref name="parts"/> in a case must accept the terms: one part that requires it is enough.</summary>
    public static bool RequiredOf(IEnumerable<CaseActor> parts) => parts.Any(RequiredOf);
}
