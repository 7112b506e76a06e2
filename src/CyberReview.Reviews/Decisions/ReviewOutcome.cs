namespace CyberReview.Reviews.Decisions;

/// <summary>What a review concludes: an expert's vote proposes one, a decision states one.</summary>
public enum ReviewOutcome
{
    Pass,
    /// <summary>Passes if the provider carries out the decision's conditions (mitigations) by their deadlines.</summary>
    PassWithConditions,
    Fail,
}
