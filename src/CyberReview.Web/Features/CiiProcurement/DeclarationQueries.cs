using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.CiiProcurement;
using CyberReview.Web.Features.Evaluation;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.CiiProcurement;

public sealed record DeclarationListItem(Guid Id, DateTimeOffset FiledAt, string Operator, string ProductName, string SystemName, ProtectionLevel Level,
    DeclarationStatus Status, ReviewProgress? Progress);

/// <summary>
/// A declaration as its readers see it. <see cref="Progress"/> is the review's stage once a case follows it: the operator
/// follows the review by it, without seeing the case.
/// </summary>
public sealed record DeclarationView(
    Guid Id, DeclarationStatus Status, ReviewProgress? Progress, Guid OperatorId, string Operator, Guid ProtectionDepartmentId, string ProtectionDepartment,
    Guid? ProductId, string ProductName, string? Provider, string? SupplierName, IReadOnlyList<string> Versions, string? VersionsText,
    string Purpose, string SystemName, ProtectionLevel Level, string ContractReference, IReadOnlyList<SupplierCommitment> Commitments,
    string FiledBy, DateTimeOffset FiledAt, string? DeterminedBy, DateTimeOffset? DeterminedAt, string? DeterminationReasons,
    Guid? CaseId, string? CaseNumber, bool YouMayDetermine);

public sealed record DeclarationFilter(DeclarationStatus? Status = null, int Page = 1, int PageSize = 25);

public sealed class DeclarationQueries(ReviewDbContext db)
{
    /// <summary>The declarations the user may see, newest first, paged.</summary>
    public async Task<Paged<DeclarationListItem>> ListAsync(ClaimsPrincipal user, DeclarationFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, Paged<DeclarationListItem>.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = db.DeclarationsVisibleTo(user);
        if (filter.Status is { } status)
            query = query.Where(d => d.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(d => d.FiledAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(d => new { d.Id, d.FiledAt, Operator = d.Operator.Name, d.ProductName, d.SystemName, d.Level, d.Status, CaseState = d.Case == null ? (CaseState?)null : d.Case.State })
            .ToListAsync(cancellationToken);
        return new Paged<DeclarationListItem>([.. rows.Select(r => new DeclarationListItem(r.Id, r.FiledAt, r.Operator, r.ProductName, r.SystemName, r.Level, r.Status,
            r.CaseState is { } state ? ReviewProgresses.Of(state) : null))], total, page, pageSize);
    }

    /// <summary>One declaration, or null when the user may not see it (or it does not exist).</summary>
    public async Task<DeclarationView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var d = await db.DeclarationsVisibleTo(user).AsNoTracking()
            .Include(d => d.Operator).Include(d => d.ProtectionDepartment).Include(d => d.Product!).ThenInclude(p => p.Provider).Include(d => d.Case)
            .Include(d => d.Versions).ThenInclude(v => v.ProductVersion)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (d is null)
            return null;
        var mayDetermine = d.Status == DeclarationStatus.Pending && DeclarationRules.MayDetermine(user.Roles(), user.OrganisationId(), d.ProtectionDepartmentId);
        SupplierCommitment[] commitments =
        [
            .. d.CommitsNoIllegalDataCollection ? [SupplierCommitment.NoIllegalDataCollection] : Array.Empty<SupplierCommitment>(),
            .. d.CommitsNoIllegalDeviceControl ? [SupplierCommitment.NoIllegalDeviceControl] : Array.Empty<SupplierCommitment>(),
            .. d.CommitsNoUnjustifiedInterruption ? [SupplierCommitment.NoUnjustifiedInterruption] : Array.Empty<SupplierCommitment>(),
        ];
        return new DeclarationView(d.Id, d.Status, d.Case is null ? null : ReviewProgresses.Of(d.Case.State), d.OperatorId, d.Operator.Name,
            d.ProtectionDepartmentId, d.ProtectionDepartment.Name, d.ProductId, d.ProductName, d.Product?.Provider.Name, d.SupplierName,
            [.. d.Versions.Select(v => v.ProductVersion.Version).Order(StringComparer.Ordinal)], d.VersionsText, d.Purpose, d.SystemName, d.Level, d.ContractReference,
            commitments, d.FiledByName, d.FiledAt, d.DeterminedByName, d.DeterminedAt, d.DeterminationReasons, d.CaseId, d.Case?.Number, mayDetermine);
    }

    /// <summary>The registered products to choose from, with their providers.</summary>
    public async Task<IReadOnlyList<ProductChoice>> ProductsAsync(CancellationToken cancellationToken) =>
        await db.Products.OrderBy(p => p.Name).Select(p => new ProductChoice(p.Id, p.Name, p.Provider.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VersionChoice>> VersionsAsync(Guid productId, CancellationToken cancellationToken) =>
        [.. (await db.ProductVersions.Where(v => v.ProductId == productId).Select(v => new VersionChoice(v.Id, v.Version)).ToListAsync(cancellationToken))
            .OrderBy(v => v.Version, StringComparer.Ordinal)];

    public async Task<IReadOnlyList<ProductChoice>> ProvidersAsync(CancellationToken cancellationToken) =>
        await db.Organisations.Where(o => o.Kind == OrganisationKind.Provider).OrderBy(o => o.Name).Select(o => new ProductChoice(o.Id, o.Name, o.Name)).ToListAsync(cancellationToken);
}

public sealed record ProductChoice(Guid Id, string Name, string Provider);

public sealed record VersionChoice(Guid Id, string Version);
