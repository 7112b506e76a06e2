using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Registry;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Decisions;
using CyberReview.Web.Features.Cases;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Registry;

public sealed record RegistryFilter(string? Search = null, ReviewOutcome? Outcome = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>A published result; its status follows the case (suspended, revoked, expired or superseded results stay listed as such).</summary>
public sealed record RegistryItem(Guid Id, string Product, string Provider, IReadOnlyList<string> Versions, ReviewOutcome Outcome, DateOnly DecidedOn,
    DateOnly? ValidFrom, DateOnly? ValidUntil, DateTimeOffset PublishedAt, PublicationVisibility Visibility, CaseState Status);

public sealed record RegistryPage(IReadOnlyList<RegistryItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The registry, for anyone: public results to everyone; results circulated to government buyers to procurers and the
/// office; those circulated to a sector to the staff of that sector's department; and every result of a case to the
/// people who hold a part in it (which is how confidential results are seen at all). Filtered in the query.
/// </summary>
public sealed class RegistryQueries(ReviewDbContext db)
{
    public async Task<RegistryPage> ListAsync(ClaimsPrincipal user, RegistryFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, RegistryFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var query = VisibleTo(user);
        if (filter.Outcome is { } outcome)
            query = query.Where(e => e.Outcome == outcome);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on both engines; the StringComparison overloads do not translate.
            query = query.Where(e => e.Product.ToLower().Contains(term) || e.Provider.ToLower().Contains(term));
#pragma warning restore CA1862
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.PublishedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new { Entry = e, Status = db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.State).Single() })
            .ToListAsync(cancellationToken);
        return new RegistryPage([.. rows.Select(r => new RegistryItem(r.Entry.Id, r.Entry.Product, r.Entry.Provider, r.Entry.Versions, r.Entry.Outcome, r.Entry.DecidedOn,
            r.Entry.ValidFrom, r.Entry.ValidUntil, r.Entry.PublishedAt, r.Entry.Visibility, r.Status))], total, page, pageSize);
    }

    private IQueryable<RegistryEntry> VisibleTo(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
            return db.RegistryEntries.Where(e => e.Visibility == PublicationVisibility.Public);
        var roles = user.Roles();
        var government = roles.Contains(Role.Procurer) || roles.Contains(Role.Office);
        Guid? sector = roles.Contains(Role.SectorAuthority) ? user.OrganisationId() : null;
        var theirCases = db.CasesVisibleTo(user).Select(c => c.Id);
        return db.RegistryEntries.Where(e => e.Visibility == PublicationVisibility.Public
            || (government && e.Visibility == PublicationVisibility.Government)
            || (sector != null && e.Visibility == PublicationVisibility.Sector && e.SectorDepartmentId == sector)
            || theirCases.Contains(e.CaseId));
    }
}
