using Microsoft.AspNetCore.Mvc;

namespace CyberReview.Web.Features.Institutions;

/// <summary>The case page's section on assigned institutions, with the office's way to assign and take back.</summary>
public sealed class CaseInstitutionsViewComponent(CaseInstitutions institutions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId) =>
        await institutions.ListAsync(UserClaimsPrincipal, caseId, HttpContext.RequestAborted) is { } list
            ? View("/Features/Institutions/_CaseInstitutions.cshtml", list)
            : Content("");
}
