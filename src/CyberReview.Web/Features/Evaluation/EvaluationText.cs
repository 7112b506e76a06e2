using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>The evaluation's refusals and problems in words, for the pages and the API's problem details alike.</summary>
internal static class EvaluationText
{
    public static string Describe(IStringLocalizer text, EvaluationRefusal refusal) => refusal switch
    {
        EvaluationRefusal.NotYourPart part => text[$"Evaluation.Refused.{part.Operation}"],
        EvaluationRefusal.NotNow { Operation: EvaluationOperation.Evaluate } now => text["Evaluation.Refused.NotNow", State(text, now.State)],
        EvaluationRefusal.NotNow => text["Evaluation.Refused.NotDecided"],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    public static string Describe(IStringLocalizer text, ActivityStatusRefusal refusal) => refusal switch
    {
        ActivityStatusRefusal.Unchanged same => text["Evaluation.ActivityStatus.Unchanged", Name(text, same.Status)],
        ActivityStatusRefusal.NotAllowed { Allowed.Count: 0 } final => text["Evaluation.ActivityStatus.Final", Name(text, final.From)],
        ActivityStatusRefusal.NotAllowed not => text["Evaluation.ActivityStatus.NotAllowed", Name(text, not.From), Name(text, not.To), string.Join(", ", not.Allowed.Select(s => Name(text, s)))],
        ActivityStatusRefusal.ReasonRequired reason => text["Evaluation.ActivityStatus.ReasonRequired", Name(text, reason.From), Name(text, reason.To)],
        ActivityStatusRefusal.ResultsRequired => text["Evaluation.ActivityStatus.ResultsRequired"],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    public static string Describe(IStringLocalizer text, FindingStatusRefusal refusal) => refusal switch
    {
        FindingStatusRefusal.Unchanged same => text["Evaluation.FindingStatus.Unchanged", Name(text, same.Status)],
        FindingStatusRefusal.NotAllowed not => text["Evaluation.FindingStatus.NotAllowed", Name(text, not.From), Name(text, not.To), string.Join(", ", not.Allowed.Select(s => Name(text, s)))],
        FindingStatusRefusal.ReasonRequired reason => text["Evaluation.FindingStatus.ReasonRequired", Name(text, reason.From), Name(text, reason.To)],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    public static string Describe(IStringLocalizer text, PlanProblem problem, ActivityKind kind) => problem switch
    {
        PlanProblem.Missing missing => text["Evaluation.Plan.Missing", Field(text, missing.Field), Name(text, kind)],
        PlanProblem.NotForKind stray => text["Evaluation.Plan.NotForKind", Field(text, stray.Field), Name(text, stray.Kind)],
        PlanProblem.TooLong tooLong => text["Validation.MaxLength", Field(text, tooLong.Field), tooLong.Max],
        PlanProblem.TooMany tooMany => text["Evaluation.Plan.TooMany", Field(text, tooMany.Field), tooMany.Max],
        PlanProblem.EndsBeforeStart reversed => text["Evaluation.Plan.EndsBeforeStart", Field(text, reversed.Field), Field(text, reversed.Start)],
        PlanProblem.OutsideSchedule outside => text["Evaluation.Plan.OutsideSchedule", Field(text, outside.Field)],
        PlanProblem.NotATarget target => text["Evaluation.Plan.NotATarget", target.Value],
        _ => throw new InvalidOperationException("Unknown problem."),
    };

    public static string Describe(IStringLocalizer text, CriterionProblem problem) => problem switch
    {
        CriterionProblem.Unknown unknown => text["Evaluation.Criterion.Unknown", unknown.CriterionId, unknown.CatalogueVersion],
        CriterionProblem.OtherArea other => text["Evaluation.Criterion.OtherArea", other.CriterionId, Name(text, other.CriterionArea), Name(text, other.FindingArea)],
        _ => throw new InvalidOperationException("Unknown problem."),
    };

    public static string Describe(IStringLocalizer text, EvidenceProblem problem, int position) => problem switch
    {
        EvidenceProblem.LabelTooLong => text["Evaluation.Evidence.LabelTooLong", position, EvidenceLink.MaxLabelLength],
        EvidenceProblem.LabelMissing or EvidenceProblem.UrlNotWebAddress or EvidenceProblem.DigestNotSha256 => text[$"Evaluation.Evidence.{problem}", position],
    };

    /// <summary>A report problem, with findings named by their numbers.</summary>
    public static string Describe(IStringLocalizer text, ReportProblem problem, Func<Guid, string> finding) => problem switch
    {
        ReportProblem.SummaryMissing => text["Validation.Required", text["Evaluation.Field.Summary"].Value],
        ReportProblem.SummaryTooLong tooLong => text["Validation.MaxLength", text["Evaluation.Field.Summary"].Value, tooLong.Max],
        ReportProblem.ConclusionMissing missing => text["Evaluation.Report.ConclusionMissing", Name(text, missing.Area)],
        ReportProblem.ConclusionUnknown => text["Evaluation.Report.ConclusionUnknown"],
        ReportProblem.ConclusionRepeated repeated => text["Evaluation.Report.ConclusionRepeated", Name(text, repeated.Area)],
        ReportProblem.ReasoningMissing missing => text["Evaluation.Report.ReasoningMissing", Name(text, missing.Area)],
        ReportProblem.ReasoningTooLong tooLong => text["Evaluation.Report.ReasoningTooLong", Name(text, tooLong.Area), tooLong.Max],
        ReportProblem.UnknownFinding unknown => text["Evaluation.Report.UnknownFinding", unknown.FindingId],
        ReportProblem.StandingFindingLeftOut left => text["Evaluation.Report.StandingFindingLeftOut", finding(left.FindingId)],
        ReportProblem.VerdictContradicted contradicted => text["Evaluation.Report.VerdictContradicted", Name(text, contradicted.Area), finding(contradicted.FindingId)],
        ReportProblem.NotConfirmed => text["Evaluation.Report.NotConfirmed"],
        ReportProblem.CorrectionReasonMissing => text["Evaluation.Report.CorrectionReasonMissing"],
        ReportProblem.CorrectionReasonTooLong tooLong => text["Validation.MaxLength", text["Evaluation.Field.CorrectionReason"].Value, tooLong.Max],
        ReportProblem.NothingToCorrect => text["Evaluation.Report.NothingToCorrect"],
        _ => throw new InvalidOperationException("Unknown problem."),
    };

    /// <summary>The field a report problem is about, as the API names it.</summary>
    public static string FieldOf(ReportProblem problem) => problem switch
    {
        ReportProblem.SummaryMissing or ReportProblem.SummaryTooLong => "Summary",
        ReportProblem.ConclusionMissing or ReportProblem.ConclusionUnknown or ReportProblem.ConclusionRepeated or ReportProblem.ReasoningMissing
            or ReportProblem.ReasoningTooLong or ReportProblem.VerdictContradicted => "Conclusions",
        ReportProblem.UnknownFinding or ReportProblem.StandingFindingLeftOut => "FindingIds",
        ReportProblem.NotConfirmed => "Confirmed",
        ReportProblem.CorrectionReasonMissing or ReportProblem.CorrectionReasonTooLong or ReportProblem.NothingToCorrect => "CorrectionReason",
        _ => throw new InvalidOperationException("Unknown problem."),
    };

    public static string Describe(IStringLocalizer text, ReportRefusal refusal) => refusal switch
    {
        ReportRefusal.NoCompletedActivity => text["Evaluation.Report.NoCompletedActivity"],
        ReportRefusal.ActivitiesUnfinished unfinished => text["Evaluation.Report.ActivitiesUnfinished", unfinished.Count],
        _ => throw new InvalidOperationException("Unknown refusal."),
    };

    public static string Field(IStringLocalizer text, PlanField field) => text[$"PlanField.{field}"];

    public static string Name<TEnum>(IStringLocalizer text, TEnum value) where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}.{value}"];

    private static string State(IStringLocalizer text, Reviews.Cases.CaseState state) => text[$"CaseState.{state}"];
}
