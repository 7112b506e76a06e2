using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>A reporter follows a report by its receipt number: its status, and nothing else.</summary>
[AllowAnonymous]
public sealed class StatusModel(ReportQueries queries) : PageModel
{
    public string? Number { get; private set; }
    public ReportReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        Number = number;
        if (string.IsNullOrWhiteSpace(number))
            return Page();
        Receipt = await queries.ReceiptAsync(number, cancellationToken);
        return Receipt is null ? new PageResult { StatusCode = StatusCodes.Status404NotFound } : Page();
    }
}
