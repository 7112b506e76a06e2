using System.Security.Claims;
using CyberReview.Data.Evaluation;
using CyberReview.Reviews.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Evaluation;

public sealed partial class EvaluationCommands
{
    /// <summary>An evaluator plans an activity of their institution; it starts as planned.</summary>
    public async Task<EvaluationOutcome> PlanActivityAsync(Guid caseId, ActivityPlan plan, ClaimsPrincipal user, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        var operation = $"activity:{caseId}";
        var (reviewCase, stop) = await CreatorAsync(caseId, user, idempotencyKey, operation, cancellationToken);
        if (stop is not null)
            return stop;
        plan = Normalize(plan);
        if (Invalid(plan) is { } invalid)
            return invalid;

        var now = clock.GetUtcNow();
        var activity = new EvaluationActivity
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            InstitutionId = user.OrganisationId(),
            Kind = plan.Kind,
            Status = ActivityStatus.Planned,
            Scope = plan.Scope!,
            Method = plan.Method!,
            CreatedById = user.UserId(),
            CreatedAt = now,
        };
        Apply(activity, plan, now);
        db.EvaluationActivities.Add(activity);
        Record(reviewCase!, user, "ActivityPlanned", Excerpt(activity.Scope));
        IdempotencyKeys.Remember(db, clock, user, idempotencyKey, operation, activity.Id);
        return await SaveAsync(reviewCase!, activity.Id, cancellationToken);
    }

    /// <summary>An evaluator changes the plan of their institution's activity, before or during the work.</summary>
    public async Task<EvaluationOutcome> ReplanActivityAsync(Guid caseId, Guid activityId, ActivityPlan plan, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is not null)
            return stop;
        if (await db.EvaluationActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.CaseId == caseId, cancellationToken) is not { } activity)
            return new EvaluationOutcome.NotFound();
        if (activity.InstitutionId != user.OrganisationId())
            return OtherInstitution();
        if (!ActivityStatusRules.MayEditPlan(activity.Status))
            return new EvaluationOutcome.Refused("PlanFixed", text["Evaluation.PlanFixed", EvaluationText.Name(text, activity.Status)]);
        if (plan.Kind != activity.Kind)
            return new EvaluationOutcome.Invalid("Kind", text["Evaluation.KindFixed", EvaluationText.Name(text, activity.Kind)]);
        plan = Normalize(plan);
        if (Invalid(plan) is { } invalid)
            return invalid;
        Apply(activity, plan, clock.GetUtcNow());
        Record(reviewCase!, user, "ActivityReplanned", Excerpt(activity.Scope));
        return await SaveAsync(reviewCase!, activity.Id, cancellationToken);
    }

    /// <summary>An evaluator records the results of their institution's activity while it is in progress.</summary>
    public async Task<EvaluationOutcome> RecordResultsAsync(Guid caseId, Guid activityId, string? results, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is not null)
            return stop;
        if (await db.EvaluationActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.CaseId == caseId, cancellationToken) is not { } activity)
            return new EvaluationOutcome.NotFound();
        if (activity.InstitutionId != user.OrganisationId())
            return OtherInstitution();
        if (!ActivityStatusRules.MayRecordResults(activity.Status))
            return new EvaluationOutcome.Refused("ResultsNotNow", text["Evaluation.ResultsNotNow", EvaluationText.Name(text, activity.Status)]);
        var field = text["Evaluation.Field.Results"].Value;
        if (Clean(results) is not { } cleaned)
            return new EvaluationOutcome.Invalid("Results", text["Validation.Required", field]);
        if (cleaned.Length > EvaluationLimits.MaxResultsLength)
            return new EvaluationOutcome.Invalid("Results", text["Validation.MaxLength", field, EvaluationLimits.MaxResultsLength]);
        (activity.Results, activity.UpdatedAt) = (cleaned, clock.GetUtcNow());
        activity.Revision++;
        Record(reviewCase!, user, "ActivityResultsRecorded", Excerpt(activity.Scope));
        return await SaveAsync(reviewCase!, activity.Id, cancellationToken);
    }

    /// <summary>An evaluator starts, completes, cancels or reopens their institution's activity, as the status rules allow.</summary>
    public async Task<EvaluationOutcome> ChangeActivityStatusAsync(Guid caseId, Guid activityId, ActivityStatus status, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (reviewCase, stop) = await EvaluatorAsync(caseId, user, cancellationToken);
        if (stop is not null)
            return stop;
        if (await db.EvaluationActivities.SingleOrDefaultAsync(a => a.Id == activityId && a.CaseId == caseId, cancellationToken) is not { } activity)
            return new EvaluationOutcome.NotFound();
        if (activity.InstitutionId != user.OrganisationId())
            return OtherInstitution();
        (reason, var invalid) = StatusChange(status, reason);
        if (invalid is not null)
            return invalid;
        if (ActivityStatusRules.Check(activity.Status, status, reason, activity.Results) is { } refusal)
            return new EvaluationOutcome.Refused(refusal.GetType().Name, EvaluationText.Describe(text, refusal));
        var what = (activity.Status, status) switch
        {
            (ActivityStatus.Completed, ActivityStatus.InProgress) => "ActivityReopened",
            (_, ActivityStatus.InProgress) => "ActivityStarted",
            (_, ActivityStatus.Completed) => "ActivityCompleted",
            _ => "ActivityCancelled",
        };
        (activity.Status, activity.UpdatedAt) = (status, clock.GetUtcNow());
        activity.Revision++;
        Record(reviewCase!, user, what, WithReason(Excerpt(activity.Scope), reason));
        return await SaveAsync(reviewCase!, activity.Id, cancellationToken);
    }

    private EvaluationOutcome.Invalid? Invalid(ActivityPlan plan)
    {
        // JSON may carry an enum as a number; one that names no kind of Art. 3 has no plan to check.
        if (!Enum.IsDefined(plan.Kind))
            return new EvaluationOutcome.Invalid("Kind", text["Validation.Required", text["Field.Kind"].Value]);
        var problems = plan.Problems();
        return problems.Count == 0
            ? null
            : new EvaluationOutcome.Invalid(problems.GroupBy(p => p.Field.ToString())
                .ToDictionary(g => g.Key, g => g.Select(p => EvaluationText.Describe(text, p, plan.Kind)).ToArray()));
    }

    // Texts trimmed, blank texts absent, list entries trimmed with the blank ones dropped.
    private static ActivityPlan Normalize(ActivityPlan plan) => plan with
    {
        Scope = Clean(plan.Scope),
        Method = Clean(plan.Method),
        TestEnvironment = Clean(plan.TestEnvironment),
        LaboratoryLocation = Clean(plan.LaboratoryLocation),
        SiteAddress = Clean(plan.SiteAddress),
        Premises = Clean(plan.Premises),
        Targets = Entries(plan.Targets),
        Subjects = Entries(plan.Subjects),
        Sources = Entries(plan.Sources),
    };

    private static List<string> Entries(IEnumerable<string?>? entries) =>
        [.. (entries ?? []).Select(Clean).OfType<string>()];

    private static void Apply(EvaluationActivity activity, ActivityPlan plan, DateTimeOffset now)
    {
        activity.Scope = plan.Scope!;
        activity.Method = plan.Method!;
        activity.PlannedStart = plan.PlannedStart!.Value;
        activity.PlannedEnd = plan.PlannedEnd!.Value;
        activity.TestEnvironment = plan.TestEnvironment;
        activity.LaboratoryLocation = plan.LaboratoryLocation;
        activity.SiteAddress = plan.SiteAddress;
        activity.Premises = plan.Premises;
        activity.Targets = [.. plan.Targets];
        activity.MonitoringFrom = plan.MonitoringFrom;
        activity.MonitoringUntil = plan.MonitoringUntil;
        activity.Subjects = [.. plan.Subjects];
        activity.Sources = [.. plan.Sources];
        activity.UpdatedAt = now;
        activity.Revision++;
    }
}
