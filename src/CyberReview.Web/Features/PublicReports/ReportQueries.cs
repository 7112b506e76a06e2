using CyberReview.Data;
using CyberReview.Data.Audit;
using CyberReview.Reviews.PublicReports;
using CyberReview.Web.Features.Audit;
using CyberReview.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.PublicReports;

/// <summary>What the reporter sees by the receipt number: the status only.</summary>
public sealed record ReportReceipt(string ReceiptNumber, DateTimeOffset ReceivedAt, PublicReportStatus Status);

/// <summary>
/// The reports about one product (a registered one, or the same words for one that is not), so that a pattern shows:
/// how many, how many still untriaged, and the latest.
/// </summary>
public sealed record ReportGroup(Guid? ProductId, string Product, string? Provider, int Reports, int Untriaged, DateTimeOffset Latest);

public sealed record ReportListItem(Guid Id, string ReceiptNumber, DateTimeOffset ReceivedAt, Guid? ProductId, string Product, string? Version, ReportStatus Status,
    string Excerpt, bool HasFile);

/// <summary>A report as the office sees it, personal data included: every read of it is audited.</summary>
public sealed record ReportView(Guid Id, string ReceiptNumber, DateTimeOffset ReceivedAt, string Concern, Guid? ProductId, string? Product, string? Provider,
    Guid? ProductVersionId, string? Version, string? ProductText, string? VersionText, string? Contact, ReportStatus Status, Guid? CaseId, string? CaseNumber,
    string? TriageReason, DateTimeOffset? TriagedAt, string? FileName, long? FileSize, string? FileSha256);

public sealed record ReportFilter(Guid? ProductId = null, string? ProductText = null, ReportStatus? Status = null, int Page = 1, int PageSize = 25);

public sealed class ReportQueries(ReviewDbContext db, AuditTrail audit)
{
    public const int ExcerptLength = 160;

    /// <summary>The status of the report with this receipt number, or null for a number that names none.</summary>
    public async Task<ReportReceipt?> ReceiptAsync(string? typed, CancellationToken cancellationToken)
    {
        if (ReceiptNumber.Normalise(typed) is not { } number)
            return null;
        var report = await db.PublicReports.Where(r => r.ReceiptNumber == number).Select(r => new { r.ReceivedAt, r.Status }).SingleOrDefaultAsync(cancellationToken);
        return report is null ? null : new ReportReceipt(ReceiptNumber.Display(number), report.ReceivedAt, TriageRules.PublicStatusOf(report.Status));
    }

    /// <summary>Reports grouped by product, the most recently reported first; paged.</summary>
    public async Task<Paged<ReportGroup>> GroupsAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, Paged<ReportGroup>.MaxPageSize);
        page = Math.Max(1, page);
        var groups = db.PublicReports
            .GroupBy(r => new { r.ProductId, Text = r.ProductId == null ? r.ProductText : null })
            .Select(g => new
            {
                g.Key.ProductId,
                g.Key.Text,
                Reports = g.Count(),
                Untriaged = g.Count(r => r.Status == ReportStatus.Received),
                Latest = g.Max(r => r.ReceivedAt),
            });
        var total = await groups.CountAsync(cancellationToken);
        var rows = await groups.OrderByDescending(g => g.Latest).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Where(r => r.ProductId != null).Select(r => r.ProductId!.Value).ToList();
        var names = await db.Products.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name, Provider = p.Provider.Name }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return new Paged<ReportGroup>([.. rows.Select(r => r.ProductId is { } id && names.TryGetValue(id, out var product)
            ? new ReportGroup(id, product.Name, product.Provider, r.Reports, r.Untriaged, r.Latest)
            : new ReportGroup(null, r.Text ?? "", null, r.Reports, r.Untriaged, r.Latest))], total, page, pageSize);
    }

    /// <summary>Reports newest first, of one product (or free-text name) and status if asked; the excerpts are content, so the read is audited.</summary>
    public async Task<Paged<ReportListItem>> ListAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pageSize = Math.Clamp(filter.PageSize, 1, Paged<ReportListItem>.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = db.PublicReports.AsQueryable();
        if (filter.ProductId is { } productId)
            query = query.Where(r => r.ProductId == productId);
        else if (filter.ProductText is { } productText)
            query = query.Where(r => r.ProductId == null && r.ProductText == productText);
        if (filter.Status is { } status)
            query = query.Where(r => r.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Id, r.ReceiptNumber, r.ReceivedAt, r.ProductId, Product = r.Product == null ? r.ProductText : r.Product.Name,
                Version = r.ProductVersion == null ? r.VersionText : r.ProductVersion.Version, r.Status, r.Concern, HasFile = r.FileBlobAddress != null,
            })
            .ToListAsync(cancellationToken);
        await audit.AppendAsync("public-report.list", null, "public-report", null, AuditOutcome.Allowed, cancellationToken);
        return new Paged<ReportListItem>([.. rows.Select(r => new ReportListItem(r.Id, ReceiptNumber.Display(r.ReceiptNumber), r.ReceivedAt, r.ProductId, r.Product ?? "",
            r.Version, r.Status, r.Concern.Length > ExcerptLength ? r.Concern[..ExcerptLength] + "…" : r.Concern, r.HasFile))], total, page, pageSize);
    }

    /// <summary>One report, for the office; the read is audited.</summary>
    public async Task<ReportView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var r = await db.PublicReports.AsNoTracking().Include(r => r.Product!).ThenInclude(p => p.Provider).Include(r => r.ProductVersion).Include(r => r.Case)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (r is null)
            return null;
        await audit.AppendAsync("public-report.read", r.CaseId, "public-report", r.Id, AuditOutcome.Allowed, cancellationToken);
        return new ReportView(r.Id, ReceiptNumber.Display(r.ReceiptNumber), r.ReceivedAt, r.Concern, r.ProductId, r.Product?.Name, r.Product?.Provider.Name,
            r.ProductVersionId, r.ProductVersion?.Version, r.ProductText, r.VersionText, r.Contact, r.Status, r.CaseId, r.Case?.Number, r.TriageReason, r.TriagedAt,
            r.FileName, r.FileSize, r.FileSha256 is null ? null : Convert.ToHexStringLower(r.FileSha256));
    }

    /// <summary>Every registered product with its versions, to name a report's product in triage.</summary>
    public async Task<IReadOnlyList<(Guid VersionId, Guid ProductId, string Product, string Provider, string Version)>> VersionsAsync(CancellationToken cancellationToken) =>
        [.. (await db.ProductVersions.Join(db.Products, v => v.ProductId, p => p.Id, (v, p) => new { VersionId = v.Id, ProductId = p.Id, Product = p.Name, Provider = p.Provider.Name, v.Version })
            .ToListAsync(cancellationToken))
            .OrderBy(v => v.Product, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal)
            .Select(v => (v.VersionId, v.ProductId, v.Product, v.Provider, v.Version))];
}
