using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Findings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>One finding, with its evidence and the changes its status allows; or the form for a new one.</summary>
[Audit.CaseMaterial("finding", ObjectIdFrom = "findingId")]
public sealed class FindingModel(EvaluationQueries queries, EvaluationCommands commands, IStringLocalizer<Resources.Text> text) : EvaluationPage(text)
{
    public FindingView? Finding { get; private set; }

    [BindProperty]
    public FindingForm Form { get; set; } = new();

    /// <summary>The user's institution's activities in the case, to say which one found it.</summary>
    public IReadOnlyList<ActivityView> OwnActivities { get; private set; } = [];

    /// <summary>The criteria to choose from: the case's catalogue version, or the current one before the first finding.</summary>
    public CriteriaCatalogue? Catalogue { get; private set; }

    public bool IsNew => Finding is null;

    public bool MayEdit => Finding is { YouMayChange: true } f && FindingRules.MayEditContent(f.Status);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? findingId, Guid? activityId, CancellationToken cancellationToken)
    {
        Form.ActivityId = activityId;
        return await ShowAsync(id, findingId, StatusCodes.Status200OK, keepForm: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(ModelState.IsValid ? await commands.RecordFindingAsync(id, Form.ToDraft(), User, cancellationToken) : Unreadable,
            findingId => $"/Evaluation/Finding?id={id}&findingId={findingId}", status => ShowAsync(id, null, status, keepForm: true, cancellationToken));

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid findingId, CancellationToken cancellationToken) =>
        await AfterAsync(ModelState.IsValid ? await commands.EditFindingAsync(id, findingId, Form.ToDraft(), User, cancellationToken) : Unreadable,
            _ => $"/Evaluation/Finding?id={id}&findingId={findingId}", status => ShowAsync(id, findingId, status, keepForm: true, cancellationToken));

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid findingId, FindingStatus status, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(await commands.ChangeFindingStatusAsync(id, findingId, status, reason, User, cancellationToken),
            _ => $"/Evaluation/Finding?id={id}&findingId={findingId}", code => ShowAsync(id, findingId, code, keepForm: false, cancellationToken));

    private async Task<IActionResult> ShowAsync(Guid id, Guid? findingId, int status, bool keepForm, CancellationToken cancellationToken)
    {
        Scope = await queries.ScopeAsync(User, id, cancellationToken);
        if (Scope is null)
            return NotFound();
        if (findingId is { } existing)
        {
            switch (await queries.FindingAsync(User, id, existing, cancellationToken))
            {
                case Reading<FindingView>.NotFound:
                    return NotFound();
                case Reading<FindingView>.Forbidden forbidden:
                    return Refuse(forbidden.Reason);
                case Reading<FindingView>.Found found:
                    Finding = found.Value;
                    if (!keepForm)
                        Form = FindingForm.From(Finding);
                    break;
            }
        }
        else if (!Scope.MayEvaluate && Problem is null)
        {
            return RefuseEvaluating(Scope);
        }
        if (Scope.MayEvaluate)
        {
            Catalogue = CaseCatalogues.For(Finding?.CatalogueVersion ?? Scope.CatalogueVersion);
            var activities = await queries.ActivitiesAsync(Scope, new ActivityFilter(PageSize: Paged<ActivityView>.MaxPageSize), cancellationToken);
            OwnActivities = [.. activities.Items.Where(a => a.InstitutionId == Scope.OrganisationId)];
        }
        return new PageResult { StatusCode = status };
    }
}
