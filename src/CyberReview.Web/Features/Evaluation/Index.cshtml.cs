using CyberReview.Reviews.Evaluation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Evaluation;

/// <summary>
/// A case's evaluation: its activities, findings and signed reports, with the ways to add to them for the
/// evaluators of an assigned institution. The provider, once the case is decided, sees the findings only.
/// </summary>
[Audit.CaseMaterial("evaluation")]
public sealed class IndexModel(EvaluationQueries queries, Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text> text) : EvaluationPage(text)
{
    public const int PageSize = 25;

    public Paged<ActivityView>? Activities { get; private set; }
    public Paged<FindingView>? Findings { get; private set; }
    public Paged<ReportListItem>? Reports { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int apage = 1, int fpage = 1, CancellationToken cancellationToken = default)
    {
        Scope = await queries.ScopeAsync(User, id, cancellationToken);
        if (Scope is null)
            return NotFound();
        if (EvaluationAccess.Check(Scope.Parts, EvaluationOperation.ReadFindings, Scope.State) is { } refusal)
            return Refuse(Scope.RuledOut ? Text["Evaluation.Refused.RuledOut"] : EvaluationText.Describe(Text, refusal));
        Findings = await queries.FindingsAsync(Scope, new FindingFilter(Page: fpage, PageSize: PageSize), cancellationToken);
        if (Scope.SeesWork)
        {
            Activities = await queries.ActivitiesAsync(Scope, new ActivityFilter(Page: apage, PageSize: PageSize), cancellationToken);
            Reports = await queries.ReportsAsync(Scope, 1, Paged<ReportListItem>.MaxPageSize, cancellationToken);
        }
        return Page();
    }

    public string PageLink(int apage, int fpage) => $"/Evaluation?id={Scope!.CaseId}&apage={apage}&fpage={fpage}";
}
