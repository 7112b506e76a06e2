using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Institutions;

/// <summary>The institutions, each with the designation that matters today.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class IndexModel(Designations designations) : PageModel
{
    public InstitutionList Institutions { get; private set; } = new([], 0, 1, 25);

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        Institutions = await designations.ListAsync(page ?? 1, 25, cancellationToken);
}
