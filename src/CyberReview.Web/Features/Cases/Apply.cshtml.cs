using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Cases;

/// <summary>A provider prepares an application for review of its own product versions (a draft until submitted).</summary>
[RequireCapability(Capability.ApplyForReview)]
public sealed class ApplyModel(ReviewDbContext db, CaseCommands commands) : PageModel
{
    [BindProperty]
    public ApplyForm Form { get; set; } = new();

    public IReadOnlyList<VersionItem> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Versions = await CasePages.VersionsOfAsync(db, User.OrganisationId(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await commands.ApplyAsync(Form.Title ?? "", Form.VersionIds, User, cancellationToken);
        if (outcome is CaseOutcome.Done done)
            return LocalRedirect($"/Cases/Case?id={done.CaseId}");
        if (outcome is CaseOutcome.Invalid invalid)
            CasePages.AddErrors(ModelState, invalid);
        Versions = await CasePages.VersionsOfAsync(db, User.OrganisationId(), cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    public sealed class ApplyForm
    {
        public string? Title { get; set; }
        public List<Guid> VersionIds { get; set; } = [];
    }
}
