using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using static CyberReview.Reviews.Evaluation.ActivityStatus;

namespace CyberReview.Reviews.Tests.Evaluation;

public sealed class EvaluationReportRulesTests
{
    private static readonly ReportedFinding OpenHighControl = new(Guid.NewGuid(), RiskArea.IllegalControl, Severity.High, FindingStatus.Open);
    private static readonly ReportedFinding AcceptedLowSupply = new(Guid.NewGuid(), RiskArea.SupplyChain, Severity.Low, FindingStatus.Accepted);
    private static readonly ReportedFinding ClosedCriticalData = new(Guid.NewGuid(), RiskArea.UserInformation, Severity.Critical, FindingStatus.Closed);
    private static readonly ReportedFinding[] Findings = [OpenHighControl, AcceptedLowSupply, ClosedCriticalData];

    private static ReportSubmission Valid() => new(
        "Four activities; one high finding on remote control, controllable with conditions.",
        [.. Enum.GetValues<RiskArea>().Select(area => new AreaConclusion(area,
            area == RiskArea.IllegalControl ? AreaVerdict.ControllableRisk : AreaVerdict.NoSignificantRisk, $"Reasoning on {area}."))],
        [OpenHighControl.Id, AcceptedLowSupply.Id],
        Confirmed: true,
        CorrectionReason: null);

    public static TheoryData<ActivityStatus[], string?> Readiness() => new()
    {
        { [Completed], null },
        { [Completed, Cancelled], null },
        { [Completed, Completed, Cancelled], null },
        { [], nameof(ReportRefusal.NoCompletedActivity) },
        { [Cancelled], nameof(ReportRefusal.NoCompletedActivity) },
        { [Completed, Planned], nameof(ReportRefusal.ActivitiesUnfinished) },
        { [Completed, InProgress, Planned], nameof(ReportRefusal.ActivitiesUnfinished) },
    };

    [Theory]
    [MemberData(nameof(Readiness))]
    public void An_institution_signs_off_when_its_activities_are_done_and_one_completed(ActivityStatus[] activities, string? refusal)
    {
        var result = EvaluationReportRules.CheckReadiness(activities);

        Assert.Equal(refusal, result?.GetType().Name);
        if (result is ReportRefusal.ActivitiesUnfinished unfinished)
            Assert.Equal(activities.Count(a => a is Planned or InProgress), unfinished.Count);
    }

    [Fact]
    public void A_complete_report_has_no_problems() => Assert.Empty(EvaluationReportRules.Check(Valid(), Findings, correctsEarlier: false));

    public static TheoryData<string, ReportProblem> Broken() => new()
    {
        { "no summary", new ReportProblem.SummaryMissing() },
        { "summary too long", new ReportProblem.SummaryTooLong(EvaluationReportRules.MaxSummaryLength) },
        { "no conclusion on fair competition", new ReportProblem.ConclusionMissing(RiskArea.UnfairCompetition) },
        { "two conclusions on the supply chain", new ReportProblem.ConclusionRepeated(RiskArea.SupplyChain) },
        { "a conclusion on no risk area", new ReportProblem.ConclusionUnknown() },
        { "a conclusion with no verdict", new ReportProblem.ConclusionUnknown() },
        { "no reasoning on user information", new ReportProblem.ReasoningMissing(RiskArea.UserInformation) },
        { "reasoning too long", new ReportProblem.ReasoningTooLong(RiskArea.OtherNationalSecurity, EvaluationReportRules.MaxReasoningLength) },
        { "a finding of another institution", new ReportProblem.UnknownFinding(Guid.Empty) },
        { "the accepted finding left out", new ReportProblem.StandingFindingLeftOut(AcceptedLowSupply.Id) },
        { "no significant risk despite the open high finding", new ReportProblem.VerdictContradicted(RiskArea.IllegalControl, OpenHighControl.Id) },
        { "not confirmed", new ReportProblem.NotConfirmed() },
        { "a correction reason on a first version", new ReportProblem.NothingToCorrect() },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_report_gets_exactly_its_problem(string breakage, ReportProblem expected)
    {
        var valid = Valid();
        var broken = breakage switch
        {
            "no summary" => valid with { Summary = "  " },
            "summary too long" => valid with { Summary = new string('s', EvaluationReportRules.MaxSummaryLength + 1) },
            "no conclusion on fair competition" => valid with { Conclusions = [.. valid.Conclusions.Where(c => c.Area != RiskArea.UnfairCompetition)] },
            "two conclusions on the supply chain" => valid with { Conclusions = [.. valid.Conclusions, new(RiskArea.SupplyChain, AreaVerdict.UncontrollableRisk, "Second thoughts.")] },
            "a conclusion on no risk area" => valid with { Conclusions = [.. valid.Conclusions, new((RiskArea)99, AreaVerdict.NoSignificantRisk, "Elsewhere.")] },
            "a conclusion with no verdict" => valid with { Conclusions = [.. valid.Conclusions.Select(c => c.Area == RiskArea.SupplyChain ? c with { Verdict = (AreaVerdict)7 } : c)] },
            "no reasoning on user information" => valid with { Conclusions = [.. valid.Conclusions.Select(c => c.Area == RiskArea.UserInformation ? c with { Reasoning = "" } : c)] },
            "reasoning too long" => valid with { Conclusions = [.. valid.Conclusions.Select(c => c.Area == RiskArea.OtherNationalSecurity ? c with { Reasoning = new string('r', EvaluationReportRules.MaxReasoningLength + 1) } : c)] },
            "a finding of another institution" => valid with { FindingIds = [.. valid.FindingIds, Guid.Empty] },
            "the accepted finding left out" => valid with { FindingIds = [OpenHighControl.Id] },
            "no significant risk despite the open high finding" => valid with { Conclusions = [.. valid.Conclusions.Select(c => c with { Verdict = AreaVerdict.NoSignificantRisk })] },
            "not confirmed" => valid with { Confirmed = false },
            "a correction reason on a first version" => valid with { CorrectionReason = "Typo." },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };

        Assert.Equal([expected], EvaluationReportRules.Check(broken, Findings, correctsEarlier: false));
    }

    [Fact]
    public void A_correction_says_what_it_corrects()
    {
        Assert.Equal([new ReportProblem.CorrectionReasonMissing()], EvaluationReportRules.Check(Valid(), Findings, correctsEarlier: true));
        Assert.Empty(EvaluationReportRules.Check(Valid() with { CorrectionReason = "Area 2 reasoning named the wrong supplier." }, Findings, correctsEarlier: true));
        Assert.Equal([new ReportProblem.CorrectionReasonTooLong(EvaluationReportRules.MaxCorrectionReasonLength)],
            EvaluationReportRules.Check(Valid() with { CorrectionReason = new string('c', EvaluationReportRules.MaxCorrectionReasonLength + 1) }, Findings, correctsEarlier: true));
    }

    [Theory]
    [InlineData(Severity.Critical, FindingStatus.Open, true)]
    [InlineData(Severity.High, FindingStatus.Mitigated, true)]
    [InlineData(Severity.High, FindingStatus.Accepted, true)]
    [InlineData(Severity.High, FindingStatus.Closed, false)]
    [InlineData(Severity.Medium, FindingStatus.Open, false)]
    [InlineData(Severity.Low, FindingStatus.Open, false)]
    public void Only_standing_high_or_critical_findings_contradict_no_significant_risk(Severity severity, FindingStatus status, bool contradicts)
    {
        var finding = new ReportedFinding(Guid.NewGuid(), RiskArea.UnfairCompetition, severity, status);
        var submission = Valid() with { FindingIds = [.. Valid().FindingIds, finding.Id] };

        var problems = EvaluationReportRules.Check(submission, [.. Findings, finding], correctsEarlier: false);

        Assert.Equal(contradicts, problems.Contains(new ReportProblem.VerdictContradicted(RiskArea.UnfairCompetition, finding.Id)));
        Assert.Equal(contradicts ? 1 : 0, problems.Count);
    }

    [Fact]
    public void A_closed_finding_may_be_left_out_or_included()
    {
        Assert.Empty(EvaluationReportRules.Check(Valid() with { FindingIds = [.. Valid().FindingIds, ClosedCriticalData.Id] }, Findings, correctsEarlier: false));
        Assert.False(EvaluationReportRules.Stands(ClosedCriticalData));
        Assert.True(EvaluationReportRules.Stands(AcceptedLowSupply));
    }
}
