using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Reviews.Products;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.Registry;

/// <summary>The public registry of review results; signed-in users also see what was circulated to them.</summary>
[AllowAnonymous]
public sealed class IndexModel(RegistryQueries queries) : PageModel
{
    /// <summary>The states a result can be in while it is in the registry.</summary>
    public static readonly CaseState[] Statuses = [CaseState.Published, CaseState.Suspended, CaseState.Revoked, CaseState.Expired, CaseState.Superseded];

    public RegistryFilter Filter { get; private set; } = new();
    public RegistryPage Results { get; private set; } = new([], 0, 1, 25);
    public IReadOnlyList<(Guid Id, string Name)> Sectors { get; private set; } = [];

    public async Task OnGetAsync(string? search, string? provider, string? product, ProductKind? kind, ReviewOutcome? outcome, CaseState? status, Guid? sector,
        DateOnly? from, DateOnly? to, int page = 1, CancellationToken cancellationToken = default)
    {
        Filter = new RegistryFilter(search, outcome, page)
        {
            Provider = provider, Product = product, Kind = kind, Status = status, Sector = sector, DecidedFrom = from, DecidedTo = to,
        };
        Results = await queries.ListAsync(User, Filter, cancellationToken);
        Sectors = await queries.SectorsAsync(cancellationToken);
    }

    public string PageLink(int page) => QueryHelpers.AddQueryString("/Registry", new Dictionary<string, string?>
    {
        ["search"] = Filter.Search,
        ["provider"] = Filter.Provider,
        ["product"] = Filter.Product,
        ["kind"] = Filter.Kind?.ToString(),
        ["outcome"] = Filter.Outcome?.ToString(),
        ["status"] = Filter.Status?.ToString(),
        ["sector"] = Filter.Sector?.ToString(),
        ["from"] = Filter.DecidedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = Filter.DecidedTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
