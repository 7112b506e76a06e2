using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>
/// A product version's supply chain: its SBOMs with where each analysis stands (refresh to follow it), and the summary
/// of the latest finished analysis. Seen by the office, the provider and members of cases about the version.
/// </summary>
public sealed class VersionModel(SupplyChainQueries queries) : PageModel
{
    public VersionSupplyChain? Overview { get; private set; }

    public bool MayAttach { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid versionId, CancellationToken cancellationToken)
    {
        Overview = await queries.VersionAsync(User, versionId, cancellationToken);
        if (Overview is null)
            return NotFound();
        MayAttach = await queries.IsProviderAsync(User, versionId, cancellationToken);
        return Page();
    }
}
