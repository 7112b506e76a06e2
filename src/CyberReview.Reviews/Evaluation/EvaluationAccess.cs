using CyberReview.Reviews.Cases;

namespace CyberReview.Reviews.Evaluation;

/// <summary>What someone may do with a case's third-party evaluation.</summary>
public enum EvaluationOperation
{
    /// <summary>Read the evaluation file: activities with their plans and results, findings with their evidence, reports.</summary>
    ReadWork,

    /// <summary>Read the findings themselves (risk area, criterion, severity, status, text, recommended condition).</summary>
    ReadFindings,

    /// <summary>Plan and record activities, record findings and change their status, sign off reports.</summary>
    Evaluate,
}

/// <summary>
/// Who may do each <see cref="EvaluationOperation"/>, and when. The evaluation file is for the evaluators who
/// write it, the office that runs the review, the committee, and the panel's experts who judge on it (Art. 6).
/// The provider sees no evaluation work while the review runs, so that the evaluation stays independent of it;
/// once the case is decided it sees the findings (to act on the decision's conditions), never the working file.
/// Evaluators write only while the case is in evaluation.
/// </summary>
public static class EvaluationAccess
{
    /// <summary>Whether a holder of <paramref name="part"/> may do <paramref name="operation"/> on a case in <paramref name="state"/>.</summary>
    public static bool Allows(CaseActor part, EvaluationOperation operation, CaseState state) => operation switch
    {
        EvaluationOperation.ReadWork => part is CaseActor.Office or CaseActor.Committee or CaseActor.Evaluator or CaseActor.Expert,
        EvaluationOperation.ReadFindings => Allows(part, EvaluationOperation.ReadWork, state) || (part == CaseActor.Provider && IsDecided(state)),
        EvaluationOperation.Evaluate => part == CaseActor.Evaluator && InEvaluation(state),
    };

    /// <summary>Why none of <paramref name="parts"/> may do <paramref name="operation"/> now, or null when one may.</summary>
    public static EvaluationRefusal? Check(IEnumerable<CaseActor> parts, EvaluationOperation operation, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var held = parts.ToList();
        if (held.Any(part => Allows(part, operation, state)))
            return null;
        return held.Any(part => Enum.GetValues<CaseState>().Any(other => Allows(part, operation, other)))
            ? new EvaluationRefusal.NotNow(operation, state)
            : new EvaluationRefusal.NotYourPart(operation, PartsFor(operation));
    }

    /// <summary>The parts that may do the operation in some state.</summary>
    public static IReadOnlyList<CaseActor> PartsFor(EvaluationOperation operation) =>
        [.. Enum.GetValues<CaseActor>().Where(part => Enum.GetValues<CaseState>().Any(state => Allows(part, operation, state)))];

    /// <summary>Whether the case is in its third-party evaluation (waiting on the provider included).</summary>
    public static bool InEvaluation(CaseState state) => state is CaseState.Evaluation or CaseState.AwaitingProvider;

    /// <summary>Whether the case has a decision (in force or not any more).</summary>
    public static bool IsDecided(CaseState state) => state switch
    {
        CaseState.Decided or CaseState.Published or CaseState.Suspended or CaseState.Revoked or CaseState.Expired or CaseState.Superseded => true,
        CaseState.Draft or CaseState.Submitted or CaseState.Screening or CaseState.NotRequired or CaseState.Evaluation
            or CaseState.AwaitingProvider or CaseState.ExpertReview or CaseState.Escalated or CaseState.Withdrawn => false,
    };
}

/// <summary>Why someone may not do an <see cref="EvaluationOperation"/>.</summary>
public abstract record EvaluationRefusal
{
    private EvaluationRefusal() { }

    /// <summary>The operation belongs to other parts of the case.</summary>
    public sealed record NotYourPart(EvaluationOperation Operation, IReadOnlyList<CaseActor> Allowed) : EvaluationRefusal;

    /// <summary>The user's part may do it, but not while the case is in <paramref name="State"/>.</summary>
    public sealed record NotNow(EvaluationOperation Operation, CaseState State) : EvaluationRefusal;
}
