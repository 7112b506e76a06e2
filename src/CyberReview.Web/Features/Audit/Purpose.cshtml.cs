using System.ComponentModel.DataAnnotations;
using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Audit;

/// <summary>
/// Break glass: office staff who do not handle a case say why they need it before they see its material.
/// The purpose opens the case to them for some hours, every access in that time carries it, and the committee
/// sees these accesses flagged on the audit page.
/// </summary>
[RequireCapability(Reviews.Access.Capability.OpenCasesOnStatedPurpose)]
public sealed class PurposeModel(ReviewDbContext db, CaseMaterialGate gate, IStringLocalizer<Resources.Text> text) : PageModel
{
    public Guid CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    public string? CaseTitle { get; private set; }
    public string ReturnUrl { get; private set; } = "/Cases";

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AuditLimits.PurposeLength, MinimumLength = CaseMaterialGate.MinimumPurposeLength, ErrorMessage = "Audit.PurposeLength")]
    [Display(Name = "Audit.Purpose")]
    public string? Purpose { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid caseId, string? returnUrl, CancellationToken cancellationToken) =>
        await ShowAsync(caseId, returnUrl, StatusCodes.Status200OK, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid caseId, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || CaseMaterialGate.Clean(Purpose) is not { } purpose)
        {
            if (ModelState.IsValid)
                ModelState.AddModelError(nameof(Purpose), text["Audit.PurposeLength", text["Audit.Purpose"], AuditLimits.PurposeLength, CaseMaterialGate.MinimumPurposeLength]);
            return await ShowAsync(caseId, returnUrl, StatusCodes.Status400BadRequest, cancellationToken);
        }
        if (!await MayStateAsync(caseId, cancellationToken))
            return NotFound();
        await gate.StatePurposeAsync(caseId, purpose, cancellationToken);
        return LocalRedirect(Local(returnUrl, caseId));
    }

    private async Task<IActionResult> ShowAsync(Guid caseId, string? returnUrl, int status, CancellationToken cancellationToken)
    {
        if (!await MayStateAsync(caseId, cancellationToken))
            return NotFound();
        var reviewCase = await db.CasesVisibleTo(User).Where(c => c.Id == caseId).Select(c => new { c.Number, c.Title }).SingleAsync(cancellationToken);
        CaseId = caseId;
        CaseNumber = reviewCase.Number;
        CaseTitle = reviewCase.Title;
        ReturnUrl = Local(returnUrl, caseId);
        return new PageResult { StatusCode = status };
    }

    // Only a case in the user's list, which they do not already handle.
    private async Task<bool> MayStateAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.CasesVisibleTo(User).AnyAsync(c => c.Id == caseId, cancellationToken)
        && await CaseAccess.OpensOnStatedPurposeAsync(db, User, caseId, cancellationToken);

    private string Local(string? returnUrl, Guid caseId) =>
        returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Cases/Case?id={caseId}";
}
