using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Evaluation;

namespace CyberReview.Reviews.Evidence;

/// <summary>
/// Who may read and attach files in a case. Files attached to evaluation work follow the evaluation file
/// (<see cref="EvaluationAccess"/>): the provider never sees the working file. The case's own material is for
/// every part of the case except the provider, who sees only what the provider itself handed over: a trigger's
/// material (a department's request, a market reaction) may name sources the provider must not learn.
/// </summary>
public static class EvidenceAccess
{
    /// <summary>Whether a holder of <paramref name="part"/> may read a file attached to <paramref name="owner"/> by a holder of <paramref name="uploaderPart"/>.</summary>
    public static bool MayRead(CaseActor part, AttachmentOwner owner, CaseActor uploaderPart, CaseState state) => owner switch
    {
        AttachmentOwner.Case => part switch
        {
            CaseActor.Provider => uploaderPart == CaseActor.Provider,
            CaseActor.System => false,
            CaseActor.Office or CaseActor.Committee or CaseActor.Evaluator or CaseActor.Expert or CaseActor.SectorAuthority => true,
        },
        AttachmentOwner.Activity or AttachmentOwner.Report => EvaluationAccess.Allows(part, EvaluationOperation.ReadWork, state),
    };

    /// <summary>
    /// Whether a holder of <paramref name="part"/> may attach a file to <paramref name="owner"/> while the case is in
    /// <paramref name="state"/>. Evaluators attach to their own institution's work only; the caller checks that.
    /// </summary>
    public static bool MayAttach(CaseActor part, AttachmentOwner owner, CaseState state) => owner switch
    {
        // The office adds trigger material when it opens the case or afterwards, until the case is closed.
        AttachmentOwner.Case => (part == CaseActor.Office && !CaseWorkflow.IsFinal(state))
            // The provider hands over material while its application is prepared and reviewed, not after the experts start.
            || (part == CaseActor.Provider && state is CaseState.Draft or CaseState.Submitted or CaseState.Screening or CaseState.Evaluation or CaseState.AwaitingProvider),
        AttachmentOwner.Activity or AttachmentOwner.Report => part == CaseActor.Evaluator && EvaluationAccess.InEvaluation(state),
    };

    /// <summary>Whether any of <paramref name="parts"/> may attach to <paramref name="owner"/> now.</summary>
    public static bool MayAttach(IEnumerable<CaseActor> parts, AttachmentOwner owner, CaseState state) =>
        parts.Any(part => MayAttach(part, owner, state));

    /// <summary>The part in which someone holding <paramref name="parts"/> attaches to <paramref name="owner"/>; null when none may.</summary>
    public static CaseActor? AttachingPart(IEnumerable<CaseActor> parts, AttachmentOwner owner, CaseState state) =>
        parts.Where(part => MayAttach(part, owner, state)).Select(part => (CaseActor?)part).FirstOrDefault();
}
