using Microsoft.AspNetCore.Mvc;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>The supply-chain section of the case page: the SBOMs of the case's versions and where their analyses stand.</summary>
public sealed class CaseSupplyChainViewComponent(SupplyChainQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var section = await queries.CaseAsync(UserClaimsPrincipal, caseId, HttpContext.RequestAborted);
        return section is null ? Content("") : View("/Features/SupplyChain/_CaseSupplyChain.cshtml", section);
    }
}
