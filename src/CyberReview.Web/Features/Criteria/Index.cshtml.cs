using CyberReview.Data;
using CyberReview.Data.Criteria;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Web.Features.Account;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Criteria;

/// <summary>The criteria catalogue, by risk area, in the reader's language; the committee approves a version here.</summary>
public sealed class IndexModel(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text) : PageModel
{
    public CriteriaCatalogue Catalogue { get; } = CriteriaCatalogue.Builtin();
    public CatalogueApproval? Approval { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Approval = await db.CatalogueApprovals.SingleOrDefaultAsync(a => a.Version == Catalogue.Version, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? version, string? minutes, CancellationToken cancellationToken)
    {
        // Reading is for everyone signed in; approving is the committee's (a handler cannot carry its own policy).
        if (!User.Has(Capability.ApproveCriteria))
            return Forbid();
        Approval = await db.CatalogueApprovals.SingleOrDefaultAsync(a => a.Version == Catalogue.Version, cancellationToken);
        if (version != Catalogue.Version)
            return NotFound();
        if (Approval is not null)
            ModelState.AddModelError("version", text["Criteria.AlreadyApproved"]);
        if (string.IsNullOrWhiteSpace(minutes))
            ModelState.AddModelError("minutes", text["Validation.Required", text["Criteria.Minutes"].Value]);
        if (Catalogue.Validate() is { Count: > 0 } problems)
            ModelState.AddModelError("version", text["Criteria.Invalid", problems.Count]);
        if (!ModelState.IsValid)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        Approval = new CatalogueApproval
        {
            Version = Catalogue.Version,
            ApprovedById = User.UserId(),
            ApprovedByName = User.FindFirst(ReviewClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "",
            ApprovedAt = clock.GetUtcNow(),
            Minutes = minutes!.Trim(),
        };
        db.CatalogueApprovals.Add(Approval);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }
}
