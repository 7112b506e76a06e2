using CyberReview.Reviews.Criteria;

namespace CyberReview.Reviews.Evaluation;

/// <summary>What is wrong with a <see cref="ReportSubmission"/>.</summary>
public abstract record ReportProblem
{
    private ReportProblem() { }

    public sealed record SummaryMissing : ReportProblem;

    public sealed record SummaryTooLong(int Max) : ReportProblem;

    /// <summary>The report has no conclusion on this risk area; every area gets one.</summary>
    public sealed record ConclusionMissing(RiskArea Area) : ReportProblem;

    /// <summary>A conclusion names no risk area of Art. 4, or no verdict the report knows.</summary>
    public sealed record ConclusionUnknown : ReportProblem;

    /// <summary>The report gives more than one conclusion on this area.</summary>
    public sealed record ConclusionRepeated(RiskArea Area) : ReportProblem;

    public sealed record ReasoningMissing(RiskArea Area) : ReportProblem;

    public sealed record ReasoningTooLong(RiskArea Area, int Max) : ReportProblem;

    /// <summary>The id is not one of the institution's findings in this case.</summary>
    public sealed record UnknownFinding(Guid FindingId) : ReportProblem;

    /// <summary>A finding that still stands (not closed) is left out; a report leaves out none.</summary>
    public sealed record StandingFindingLeftOut(Guid FindingId) : ReportProblem;

    /// <summary>"No significant risk" in an area where a standing finding of high or critical severity says otherwise.</summary>
    public sealed record VerdictContradicted(RiskArea Area, Guid FindingId) : ReportProblem;

    /// <summary>The signer did not confirm the sign-off statement.</summary>
    public sealed record NotConfirmed : ReportProblem;

    /// <summary>A new version of a report must say what it corrects.</summary>
    public sealed record CorrectionReasonMissing : ReportProblem;

    public sealed record CorrectionReasonTooLong(int Max) : ReportProblem;

    /// <summary>A correction reason was given, but the institution has no earlier report to correct.</summary>
    public sealed record NothingToCorrect : ReportProblem;
}

/// <summary>Why an institution cannot sign off a report yet, whatever the report says.</summary>
public abstract record ReportRefusal
{
    private ReportRefusal() { }

    /// <summary>The institution has not completed any activity: there is nothing to report on.</summary>
    public sealed record NoCompletedActivity : ReportRefusal;

    /// <summary>Activities of the institution are still planned or in progress; finish or cancel them first.</summary>
    public sealed record ActivitiesUnfinished(int Count) : ReportRefusal;
}
