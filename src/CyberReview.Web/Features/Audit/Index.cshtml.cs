using CyberReview.Data.Audit;
using CyberReview.Reviews.Access;
using CyberReview.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CyberReview.Web.Features.Audit;

/// <summary>The audit trail for the office and the committee: filters, newest first in pages, break-glass accesses flagged, exports.</summary>
[RequireCapability(Capability.ReadAuditTrail)]
public sealed class IndexModel(AuditQueries queries, AuditTrail trail) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? UserText { get; set; }
    [BindProperty(SupportsGet = true)] public string? CaseText { get; set; }
    [BindProperty(SupportsGet = true)] public string? ObjectKind { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ObjectId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public AuditOutcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public bool BreakGlass { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public AuditPage Events { get; private set; } = new([], null);

    private AuditFilter Filter => new(UserText, CaseText, ObjectKind, ObjectId, From, To, Outcome, BreakGlass);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        Events = await queries.PageAsync(Filter, Before, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || format is not ("csv" or "jsonl"))
            return BadRequest();
        await trail.AppendAsync("audit.export", null, "audit-trail", null, AuditOutcome.Allowed, cancellationToken);
        await queries.WriteAsync(Response, Filter, format == "csv" ? AuditExportFormat.Csv : AuditExportFormat.JsonLines, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The current filter as a query string, with changes.</summary>
    public string Query(long? before = null, string? handler = null, string? format = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("userText", UserText), new("caseText", CaseText), new("objectKind", ObjectKind), new("objectId", ObjectId?.ToString()),
            new("from", From?.ToString("yyyy-MM-dd")), new("to", To?.ToString("yyyy-MM-dd")), new("outcome", Outcome?.ToString()),
            new("breakGlass", BreakGlass ? "true" : null), new("before", before?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("handler", handler), new("format", format),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
