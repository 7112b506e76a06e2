namespace CyberReview.Reviews.Cases;

/// <summary>What someone may do with a case besides moving it through the workflow.</summary>
public enum CaseOperation
{
    /// <summary>See the case, its particulars and its timeline.</summary>
    View,
    /// <summary>Ask the provider a question (the case then waits for the answer).</summary>
    AskProvider,
    /// <summary>Answer the office's or evaluators' questions.</summary>
    AnswerQuestions,
    /// <summary>Change the versions under review while the case is being prepared.</summary>
    EditApplication,
    /// <summary>Assign designated institutions to evaluate the case, or take an assignment back.</summary>
    AssignInstitutions,
    /// <summary>Ask the provider for enterprise commitments (Art. 3).</summary>
    RequestCommitments,
    /// <summary>Sign the commitments the case asks for.</summary>
    SignCommitments,
}

/// <summary>Who may do each <see cref="CaseOperation"/>, and in which states.</summary>
public static class CaseOperations
{
    /// <summary>Whether a holder of <paramref name="part"/> may do <paramref name="operation"/> on a case in <paramref name="state"/>.</summary>
    public static bool Allows(CaseActor part, CaseOperation operation, CaseState state) => operation switch
    {
        CaseOperation.View => part != CaseActor.System,
        CaseOperation.AskProvider => part is CaseActor.Office or CaseActor.Evaluator && state is CaseState.Evaluation or CaseState.AwaitingProvider,
        CaseOperation.AnswerQuestions => part == CaseActor.Provider && state == CaseState.AwaitingProvider,
        CaseOperation.EditApplication => part == CaseActor.Provider && state == CaseState.Draft,
        // Only once screening has found a review required: before that, no evaluator needs the provider's material.
        CaseOperation.AssignInstitutions => part == CaseActor.Office && state is CaseState.Evaluation or CaseState.AwaitingProvider,
        CaseOperation.RequestCommitments => part == CaseActor.Office && state is CaseState.Screening or CaseState.Evaluation or CaseState.AwaitingProvider,
        // The provider signs while the review runs; after a decision the commitments it rests on are fixed.
        CaseOperation.SignCommitments => part == CaseActor.Provider && state is CaseState.Screening or CaseState.Evaluation or CaseState.AwaitingProvider or CaseState.ExpertReview or CaseState.Escalated,
    };
}
