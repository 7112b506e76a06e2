namespace CyberReview.Reviews.Sboms;

/// <summary>A proposed finding waits for an evaluator, who accepts it (it becomes a finding) or dismisses it with a reason.</summary>
public enum ProposalStatus
{
    Proposed,
    Accepted,
    Dismissed,
}
