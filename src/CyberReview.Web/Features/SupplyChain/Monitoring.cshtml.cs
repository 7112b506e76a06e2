using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>The office's monitoring alerts: advisories newly affecting published products, acknowledged with a note.</summary>
[RequireCapability(Capability.RunReviews)]
public sealed class MonitoringModel(SupplyChainQueries queries, MonitoringCommands commands) : PageModel
{
    public AlertList? Alerts { get; private set; }
    public bool? Acknowledged { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool? acknowledged, int page = 1, CancellationToken cancellationToken = default)
    {
        Acknowledged = acknowledged;
        Alerts = await queries.AlertsAsync(User, null, acknowledged, page, 50, cancellationToken);
        return Alerts is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alertId, string? note, CancellationToken cancellationToken)
    {
        var outcome = await commands.AcknowledgeAsync(alertId, note, User, cancellationToken);
        if (outcome is SupplyChainOutcome.Done)
            return LocalRedirect("/SupplyChain/Monitoring");
        if (outcome is SupplyChainOutcome.NotFound)
            return NotFound();
        Alerts = await queries.AlertsAsync(User, null, null, 1, 50, cancellationToken);
        (Problem, var status) = outcome switch
        {
            SupplyChainOutcome.Invalid invalid => (string.Join(" ", invalid.Errors.Values.SelectMany(m => m)), StatusCodes.Status400BadRequest),
            SupplyChainOutcome.Refused refused => (refused.Reason, refused.Status),
            _ => ("", StatusCodes.Status409Conflict),
        };
        return new PageResult { StatusCode = status };
    }

    public string PageLink(int page) => $"/SupplyChain/Monitoring?page={page}{(Acknowledged is { } a ? $"&acknowledged={a}" : "")}";
}
