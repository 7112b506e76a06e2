using CyberReview.Reviews.Calendar;

namespace CyberReview.Reviews.Cases;

/// <summary>A stretch of a case that runs against a time limit in working days.</summary>
public enum CaseStage
{
    Screening,
    /// <summary>Third-party evaluation, including the time waiting on the provider (when the clock stands still).</summary>
    PreliminaryReview,
    /// <summary>The expert panel's opinions.</summary>
    ExpertOpinions,
    /// <summary>The committee's special procedure after an escalation.</summary>
    SpecialReview,
}

/// <summary>Which stage's clock runs in each state, and for how long.</summary>
public static class CaseStages
{
    /// <summary>The stage a case in this state is in; null when no clock runs (before screening, after a decision).</summary>
    public static CaseStage? Of(CaseState state) => state switch
    {
        CaseState.Screening => CaseStage.Screening,
        CaseState.Evaluation or CaseState.AwaitingProvider => CaseStage.PreliminaryReview,
        CaseState.ExpertReview => CaseStage.ExpertOpinions,
        CaseState.Escalated => CaseStage.SpecialReview,
        CaseState.Draft or CaseState.Submitted or CaseState.NotRequired or CaseState.Decided or CaseState.Published
            or CaseState.Withdrawn or CaseState.Suspended or CaseState.Revoked or CaseState.Expired or CaseState.Superseded => null,
    };

    /// <summary>The limit of a stage in working days; a complex case gets the extension on its preliminary review.</summary>
    public static int LimitOf(CaseStage stage, StageLimits limits, bool complex)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return stage switch
        {
            CaseStage.Screening => limits.Screening,
            CaseStage.PreliminaryReview => limits.PreliminaryReview + (complex ? limits.ComplexCaseExtension : 0),
            CaseStage.ExpertOpinions => limits.MemberDepartmentOpinions,
            CaseStage.SpecialReview => limits.SpecialReview,
        };
    }
}
