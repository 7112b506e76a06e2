using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Findings;

namespace CyberReview.Reviews.Evaluation;

/// <summary>
/// When an institution may sign off its evaluation report, and what a signed report must hold. The evaluators
/// are responsible for their results (Measures, Art. 12): a report concludes on every risk area of Art. 4,
/// includes every finding that still stands, does not call an area free of significant risk against its own
/// high or critical findings, and is confirmed by the person who signs it. A signed report is frozen; a
/// correction is a new version that says what it corrects.
/// </summary>
public static class EvaluationReportRules
{
    public const int MaxSummaryLength = 20000;
    public const int MaxReasoningLength = 8000;
    public const int MaxCorrectionReasonLength = 8000;

    /// <summary>Why the institution cannot sign off now, given the statuses of its activities in the case; null when it can.</summary>
    public static ReportRefusal? CheckReadiness(IEnumerable<ActivityStatus> institutionActivities)
    {
        ArgumentNullException.ThrowIfNull(institutionActivities);
        var statuses = institutionActivities.ToList();
        var unfinished = statuses.Count(ActivityStatusRules.IsUnfinished);
        if (unfinished > 0)
            return new ReportRefusal.ActivitiesUnfinished(unfinished);
        return statuses.Contains(ActivityStatus.Completed) ? null : new ReportRefusal.NoCompletedActivity();
    }

    /// <summary>
    /// Everything wrong with the submission, given the institution's findings in the case and whether it corrects
    /// an earlier version; empty when it may be signed.
    /// </summary>
    public static IReadOnlyList<ReportProblem> Check(ReportSubmission submission, IReadOnlyList<ReportedFinding> institutionFindings, bool correctsEarlier)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(institutionFindings);
        var problems = new List<ReportProblem>();
        if (string.IsNullOrWhiteSpace(submission.Summary))
            problems.Add(new ReportProblem.SummaryMissing());
        else if (submission.Summary.Length > MaxSummaryLength)
            problems.Add(new ReportProblem.SummaryTooLong(MaxSummaryLength));

        if (submission.Conclusions.Any(c => !Enum.IsDefined(c.Area) || !Enum.IsDefined(c.Verdict)))
            problems.Add(new ReportProblem.ConclusionUnknown());
        foreach (var area in Enum.GetValues<RiskArea>())
        {
            var conclusions = submission.Conclusions.Where(c => c.Area == area).ToList();
            if (conclusions.Count == 0)
                problems.Add(new ReportProblem.ConclusionMissing(area));
            else if (conclusions.Count > 1)
                problems.Add(new ReportProblem.ConclusionRepeated(area));
            else if (string.IsNullOrWhiteSpace(conclusions[0].Reasoning))
                problems.Add(new ReportProblem.ReasoningMissing(area));
            else if (conclusions[0].Reasoning.Length > MaxReasoningLength)
                problems.Add(new ReportProblem.ReasoningTooLong(area, MaxReasoningLength));
        }

        var known = institutionFindings.ToDictionary(f => f.Id);
        var included = submission.FindingIds.Distinct().ToList();
        problems.AddRange(included.Where(id => !known.ContainsKey(id)).Select(id => new ReportProblem.UnknownFinding(id)));
        problems.AddRange(institutionFindings.Where(f => Stands(f) && !included.Contains(f.Id)).Select(f => new ReportProblem.StandingFindingLeftOut(f.Id)));
        foreach (var conclusion in submission.Conclusions.Where(c => c.Verdict == AreaVerdict.NoSignificantRisk).DistinctBy(c => c.Area))
        {
            var contradiction = included.Select(known.GetValueOrDefault)
                .FirstOrDefault(f => f is not null && f.Area == conclusion.Area && Stands(f) && f.Severity >= Severity.High);
            if (contradiction is not null)
                problems.Add(new ReportProblem.VerdictContradicted(conclusion.Area, contradiction.Id));
        }

        if (!submission.Confirmed)
            problems.Add(new ReportProblem.NotConfirmed());
        var hasReason = !string.IsNullOrWhiteSpace(submission.CorrectionReason);
        if (correctsEarlier && !hasReason)
            problems.Add(new ReportProblem.CorrectionReasonMissing());
        else if (!correctsEarlier && hasReason)
            problems.Add(new ReportProblem.NothingToCorrect());
        else if (hasReason && submission.CorrectionReason!.Length > MaxCorrectionReasonLength)
            problems.Add(new ReportProblem.CorrectionReasonTooLong(MaxCorrectionReasonLength));
        return problems;
    }

    /// <summary>Whether a finding still stands: anything not closed is still to be dealt with or settled.</summary>
    public static bool Stands(ReportedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Status != FindingStatus.Closed;
    }
}
