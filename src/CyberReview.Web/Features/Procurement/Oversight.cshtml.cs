using CyberReview.Reviews.Access;
using CyberReview.Reviews.Procurement;
using CyberReview.Web.Features.Registry;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Procurement;

/// <summary>The office's view of purchases made against anything but a pass in force, per sector.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class OversightModel(Purchases purchases, RegistryQueries registry) : PageModel
{
    public Guid? Sector { get; private set; }
    public ProcurementVerdict? Verdict { get; private set; }
    public PurchasePage Results { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<(Guid Id, string Name)> Sectors { get; private set; } = [];

    public async Task OnGetAsync(Guid? sector, ProcurementVerdict? verdict, int page = 1, CancellationToken cancellationToken = default)
    {
        (Sector, Verdict) = (sector, verdict is { } v && Purchases.Overseen.Contains(v) ? v : null);
        Results = await purchases.OverseenAsync(Sector, Verdict, page, 25, cancellationToken);
        Sectors = await registry.SectorsAsync(cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Procurement/Oversight", new Dictionary<string, string?>
    {
        ["sector"] = Sector?.ToString(),
        ["verdict"] = Verdict?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
