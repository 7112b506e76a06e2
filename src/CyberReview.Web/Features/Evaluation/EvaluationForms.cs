using System.Globalization;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>An activity plan as a form posts it: lists as text with one entry a line.</summary>
public sealed class PlanForm
{
    public ActivityKind Kind { get; set; }
    public string? Scope { get; set; }
    public string? Method { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public string? TestEnvironment { get; set; }
    public string? LaboratoryLocation { get; set; }
    public string? SiteAddress { get; set; }
    public string? Premises { get; set; }
    public string? Targets { get; set; }
    public DateOnly? MonitoringFrom { get; set; }
    public DateOnly? MonitoringUntil { get; set; }
    public string? Subjects { get; set; }
    public string? Sources { get; set; }

    public ActivityPlan ToPlan() => new()
    {
        Kind = Kind,
        Scope = Scope,
        Method = Method,
        PlannedStart = PlannedStart,
        PlannedEnd = PlannedEnd,
        TestEnvironment = TestEnvironment,
        LaboratoryLocation = LaboratoryLocation,
        SiteAddress = SiteAddress,
        Premises = Premises,
        Targets = EvaluationForms.Lines(Targets),
        MonitoringFrom = MonitoringFrom,
        MonitoringUntil = MonitoringUntil,
        Subjects = EvaluationForms.Lines(Subjects),
        Sources = EvaluationForms.Lines(Sources),
    };

    public static PlanForm From(ActivityView activity) => new()
    {
        Kind = activity.Kind,
        Scope = activity.Scope,
        Method = activity.Method,
        PlannedStart = activity.PlannedStart,
        PlannedEnd = activity.PlannedEnd,
        TestEnvironment = activity.TestEnvironment,
        LaboratoryLocation = activity.LaboratoryLocation,
        SiteAddress = activity.SiteAddress,
        Premises = activity.Premises,
        Targets = string.Join('\n', activity.Targets),
        MonitoringFrom = activity.MonitoringFrom,
        MonitoringUntil = activity.MonitoringUntil,
        Subjects = string.Join('\n', activity.Subjects),
        Sources = string.Join('\n', activity.Sources),
    };

    /// <summary>The field's value as the form shows it: days as yyyy-MM-dd, lists one entry a line.</summary>
    public string? Value(PlanField field) => ActivityPlan.IsDay(field)
        ? ToPlan().DayOf(field)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : field switch
        {
            PlanField.Targets => Targets,
            PlanField.Subjects => Subjects,
            PlanField.Sources => Sources,
            _ => ToPlan().TextOf(field),
        };
}

/// <summary>A finding as a form posts it: evidence as text, one link a line, "label | URL | SHA-256".</summary>
public sealed class FindingForm
{
    public Guid? ActivityId { get; set; }
    public RiskArea? RiskArea { get; set; }
    public string? CriterionId { get; set; }
    public Severity? Severity { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? RecommendedCondition { get; set; }
    public string? Evidence { get; set; }

    public FindingDraft ToDraft() => new(ActivityId, RiskArea, CriterionId, Severity, Title, Description, RecommendedCondition,
        [.. EvaluationForms.Lines(Evidence).Select(line => line.Split('|') switch
        {
            [var label] => new EvidenceLink(label.Trim(), null, null),
            [var label, var url] => new EvidenceLink(label.Trim(), url.Trim(), null),
            [var label, var url, var digest] => new EvidenceLink(label.Trim(), url.Trim(), digest.Trim()),
            var parts => new EvidenceLink(parts[0].Trim(), parts[1].Trim(), string.Join('|', parts[2..]).Trim()),
        })]);

    public static FindingForm From(FindingView finding) => new()
    {
        ActivityId = finding.ActivityId,
        RiskArea = finding.RiskArea,
        CriterionId = finding.CriterionId,
        Severity = finding.Severity,
        Title = finding.Title,
        Description = finding.Description,
        RecommendedCondition = finding.RecommendedCondition,
        Evidence = string.Join('\n', finding.Evidence.Select(e => string.Join(" | ", new[] { e.Label, e.Url ?? "", e.Sha256 ?? "" }).TrimEnd(' ', '|'))),
    };
}

/// <summary>A report as the sign-off form posts it.</summary>
public sealed class ReportForm
{
    public string? Summary { get; set; }
    public List<ConclusionForm> Conclusions { get; set; } = [.. Enum.GetValues<RiskArea>().Select(area => new ConclusionForm { Area = area })];
    public List<Guid> FindingIds { get; set; } = [];
    public bool Confirmed { get; set; }
    public string? CorrectionReason { get; set; }

    public ReportSubmission ToSubmission() => new(Summary,
        [.. Conclusions.Where(c => c.Verdict is not null).Select(c => new AreaConclusion(c.Area, c.Verdict!.Value, c.Reasoning ?? ""))],
        FindingIds, Confirmed, CorrectionReason);

    public sealed class ConclusionForm
    {
        public RiskArea Area { get; set; }
        public AreaVerdict? Verdict { get; set; }
        public string? Reasoning { get; set; }
    }
}

internal static class EvaluationForms
{
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}
