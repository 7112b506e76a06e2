using CyberReview.Reviews.Evaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>One evaluation activity: its plan, status and results; or the plan of a new one of a chosen kind.</summary>
[Audit.CaseMaterial("activity", ObjectIdFrom = "activityId")]
public sealed class ActivityModel(EvaluationQueries queries, EvaluationCommands commands, IStringLocalizer<Resources.Text> text) : EvaluationPage(text)
{
    public ActivityView? Activity { get; private set; }

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public bool IsNew => Activity is null;

    public bool MayEditPlan => Activity is { YouMayChange: true } a && ActivityStatusRules.MayEditPlan(a.Status);

    public bool MayRecordResults => Activity is { YouMayChange: true } a && ActivityStatusRules.MayRecordResults(a.Status);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? activityId, ActivityKind? kind, CancellationToken cancellationToken)
    {
        Form.Kind = kind ?? ActivityKind.LaboratoryTesting;
        return await ShowAsync(id, activityId, StatusCodes.Status200OK, keepForm: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(ModelState.IsValid ? await commands.PlanActivityAsync(id, Form.ToPlan(), User, cancellationToken) : Unreadable,
            activityId => $"/Evaluation/Activity?id={id}&activityId={activityId}", status => ShowAsync(id, null, status, keepForm: true, cancellationToken));

    public async Task<IActionResult> OnPostReplanAsync(Guid id, Guid activityId, CancellationToken cancellationToken) =>
        await AfterAsync(ModelState.IsValid ? await commands.ReplanActivityAsync(id, activityId, Form.ToPlan(), User, cancellationToken) : Unreadable,
            _ => $"/Evaluation/Activity?id={id}&activityId={activityId}", status => ShowAsync(id, activityId, status, keepForm: true, cancellationToken));

    public async Task<IActionResult> OnPostResultsAsync(Guid id, Guid activityId, string? results, CancellationToken cancellationToken) =>
        await AfterAsync(await commands.RecordResultsAsync(id, activityId, results, User, cancellationToken),
            _ => $"/Evaluation/Activity?id={id}&activityId={activityId}", status => ShowAsync(id, activityId, status, keepForm: false, cancellationToken));

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid activityId, ActivityStatus status, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(await commands.ChangeActivityStatusAsync(id, activityId, status, reason, User, cancellationToken),
            _ => $"/Evaluation/Activity?id={id}&activityId={activityId}", code => ShowAsync(id, activityId, code, keepForm: false, cancellationToken));

    private async Task<IActionResult> ShowAsync(Guid id, Guid? activityId, int status, bool keepForm, CancellationToken cancellationToken)
    {
        Scope = await queries.ScopeAsync(User, id, cancellationToken);
        if (Scope is null)
            return NotFound();
        if (activityId is { } existing)
        {
            switch (await queries.ActivityAsync(User, id, existing, cancellationToken))
            {
                case Reading<ActivityView>.NotFound:
                    return NotFound();
                case Reading<ActivityView>.Forbidden forbidden:
                    return Refuse(forbidden.Reason);
                case Reading<ActivityView>.Found found:
                    Activity = found.Value;
                    if (!keepForm)
                        Form = PlanForm.From(Activity);
                    Form.Kind = Activity.Kind;
                    break;
            }
        }
        else if (!Scope.MayEvaluate && Problem is null)
        {
            return RefuseEvaluating(Scope);
        }
        return new PageResult { StatusCode = status };
    }
}
