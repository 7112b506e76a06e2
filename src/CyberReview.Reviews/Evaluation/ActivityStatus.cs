namespace CyberReview.Reviews.Evaluation;

/// <summary>Where an evaluation activity stands; <see cref="ActivityStatusRules"/> says which changes are allowed.</summary>
public enum ActivityStatus
{
    /// <summary>Planned and not yet begun; the plan may still change.</summary>
    Planned,

    /// <summary>Being carried out; the plan may still change (schedules slip) and results are recorded.</summary>
    InProgress,

    /// <summary>Carried out, with its results recorded; frozen unless reopened.</summary>
    Completed,

    /// <summary>Called off, with the reason on the case's timeline; final.</summary>
    Cancelled,
}
