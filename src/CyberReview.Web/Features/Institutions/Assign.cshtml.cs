using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Institutions;

/// <summary>
/// The office assigns designated institutions to a case, or takes an assignment back. On success it returns to
/// the case; a refusal is shown here with the rule's reason. Like every case page, 404 unless the case grants a part.
/// </summary>
[RequireCapability(Capability.RunReviews)]
[Audit.CaseMaterial("institutions", CaseIdFrom = "caseId")]
public sealed class AssignModel(ReviewDbContext db, CaseInstitutions institutions, Designations designations, IStringLocalizer<Resources.Text> text) : PageModel
{
    public CaseSummary? Case { get; private set; }
    public CaseInstitutionList? Assigned { get; private set; }
    public IReadOnlyList<InstitutionRow> Candidates { get; private set; } = [];
    public IReadOnlyList<ProductKind> ProductKinds { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty]
    public Guid InstitutionId { get; set; }

    [BindProperty]
    public List<ActivityKind> Activities { get; set; } = [];

    public sealed record CaseSummary(Guid Id, string Number, string Title, string Provider);

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await ShowAsync(caseId, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid caseId, CancellationToken cancellationToken) =>
        await AfterAsync(caseId, await institutions.AssignAsync(caseId, InstitutionId, Activities, User, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnassignAsync(Guid caseId, Guid institutionId, string? reason, CancellationToken cancellationToken) =>
        await AfterAsync(caseId, await institutions.UnassignAsync(caseId, institutionId, reason, User, cancellationToken), cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid caseId, InstitutionOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case InstitutionOutcome.Done:
                return LocalRedirect($"/Cases/Case?id={caseId}#institutions");
            case InstitutionOutcome.NotFound:
                return NotFound();
            case InstitutionOutcome.Refused refused:
                Problem = refused.Detail;
                return await ShowAsync(caseId, StatusCodes.Status409Conflict, cancellationToken);
            case InstitutionOutcome.Conflict:
                Problem = text["Cases.Conflict"];
                return await ShowAsync(caseId, StatusCodes.Status409Conflict, cancellationToken);
            case InstitutionOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                return await ShowAsync(caseId, StatusCodes.Status400BadRequest, cancellationToken);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<IActionResult> ShowAsync(Guid caseId, int status, CancellationToken cancellationToken)
    {
        Assigned = await institutions.ListAsync(User, caseId, cancellationToken);
        if (Assigned is null)
            return NotFound();
        Case = await db.Cases.Where(c => c.Id == caseId).Select(c => new CaseSummary(c.Id, c.Number, c.Title, c.Provider.Name)).SingleAsync(cancellationToken);
        ProductKinds = [.. (await institutions.ProductKindsOfAsync(caseId, cancellationToken)).Order()];
        Candidates = await designations.InForceAsync(cancellationToken);
        return new PageResult { StatusCode = status };
    }
}
