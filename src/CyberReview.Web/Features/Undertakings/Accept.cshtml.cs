using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Undertakings;

/// <summary>
/// The confidentiality terms of one case, accepted once before the first access to it (evaluators and experts). The
/// gate sends them here from any page of the case, and this page sends them back where they were going.
/// </summary>
[RequireCapability(Capability.TakePartInCases)]
[Audit.CaseMaterial("undertaking", CaseIdFrom = "caseId")]
[OpensBeforeUndertaking]
public sealed class AcceptModel(CaseUndertakings undertakings) : PageModel
{
    public UndertakingView? View { get; private set; }
    public string ReturnUrl { get; private set; } = "/Cases";

    /// <summary>The terms as paragraphs: the resource separates them with blank lines.</summary>
    public IEnumerable<string> Paragraphs => View?.Terms.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, string? returnUrl, CancellationToken cancellationToken)
    {
        View = await undertakings.ViewAsync(caseId, User, cancellationToken);
        if (View is null)
            return NotFound();
        ReturnUrl = Local(returnUrl, caseId);
        // Nothing to accept, or accepted already: on to the case.
        return View.Required && View.Accepted is null ? Page() : LocalRedirect(ReturnUrl);
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, bool accepted, string? returnUrl, CancellationToken cancellationToken)
    {
        switch (await undertakings.AcceptAsync(caseId, accepted, User, cancellationToken))
        {
            case CaseOutcome.NotFound:
                return NotFound();
            case CaseOutcome.Invalid invalid:
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages)
                        ModelState.AddModelError(field, message);
                }
                View = await undertakings.ViewAsync(caseId, User, cancellationToken);
                ReturnUrl = Local(returnUrl, caseId);
                return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        return LocalRedirect(Local(returnUrl, caseId));
    }

    private string Local(string? returnUrl, Guid caseId) =>
        returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Cases/Case?id={caseId}";
}
