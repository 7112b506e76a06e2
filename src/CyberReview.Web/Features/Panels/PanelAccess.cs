using CyberReview.Reviews.Cases;

namespace CyberReview.Web.Features.Panels;

/// <summary>
/// Who sees a case's panel: the office that runs it, the committee that may have to decide, and the experts on it.
/// The provider, evaluators and the sector authority do not learn who the experts are, so nobody can lobby them.
/// </summary>
public static class PanelAccess
{
    public static bool Sees(IEnumerable<CaseActor> parts) => parts.Any(p => p is CaseActor.Office or CaseActor.Committee or CaseActor.Expert);
}
