using System.Globalization;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>The office's triage list: reports grouped by product so that a pattern shows, and the reports of a group, newest first.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class IndexModel(ReportQueries queries) : PageModel
{
    public Paged<ReportGroup> Groups { get; private set; } = new([], 0, 1, 25);
    public Paged<ReportListItem> Reports { get; private set; } = new([], 0, 1, 25);
    public ReportFilter Filter { get; private set; } = new();
    public int GroupPage { get; private set; } = 1;

    public async Task OnGetAsync(Guid? product, string? text, ReportStatus? status, int page = 1, int groups = 1, CancellationToken cancellationToken = default)
    {
        Filter = new ReportFilter(product, product is null ? text : null, status, page);
        GroupPage = groups;
        Groups = await queries.GroupsAsync(groups, 25, cancellationToken);
        Reports = await queries.ListAsync(Filter, cancellationToken);
    }

    public static string GroupLink(ReportGroup group) => QueryHelpers.AddQueryString("/PublicReports", new Dictionary<string, string?>
    {
        ["product"] = group.ProductId?.ToString(),
        ["text"] = group.ProductId is null ? group.Product : null,
    });

    public string PageLink(int page, int? groups = null) => QueryHelpers.AddQueryString("/PublicReports", new Dictionary<string, string?>
    {
        ["product"] = Filter.ProductId?.ToString(),
        ["text"] = Filter.ProductText,
        ["status"] = Filter.Status?.ToString(),
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
        ["groups"] = (groups ?? GroupPage).ToString(CultureInfo.InvariantCulture),
    });
}
