using System.Security.Claims;
using CyberReview.Data;
using CyberReview.Data.Identity;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using CyberReview.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Experts;

/// <summary>An expert as the pool shows them; without a profile they are never drawn.</summary>
public sealed record ExpertItem(Guid Id, string Name, string? Email, bool HasProfile, IReadOnlyList<RiskArea> RiskAreas, IReadOnlyList<ProductKind> ProductKinds,
    bool Available, string? AvailabilityNote, DateTimeOffset? UpdatedAt, int Seats);

public sealed record ExpertFilter(RiskArea? RiskArea = null, ProductKind? ProductKind = null, bool AvailableOnly = false, string? Search = null, int Page = 1, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record ExpertList(IReadOnlyList<ExpertItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What an expert says of their expertise and availability.</summary>
public sealed record ProfileInput(IReadOnlyList<RiskArea> RiskAreas, IReadOnlyList<ProductKind> ProductKinds, bool Available, string? AvailabilityNote);

/// <summary>The expert pool: each expert keeps their own profile; the office reads the whole pool.</summary>
public sealed class ExpertPool(ReviewDbContext db, TimeProvider clock, IStringLocalizer<Resources.Text> text)
{
    public const int MaxNoteLength = 500;

    /// <summary>The signed-in expert's own entry.</summary>
    public async Task<ExpertItem> OwnAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await ItemsAsync(db.Users.Where(u => u.Id == user.UserId()), cancellationToken)).Single();

    /// <summary>Saves the signed-in expert's profile; the errors per field when it is not acceptable.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> SaveAsync(ClaimsPrincipal user, ProfileInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.RiskAreas.Count == 0)
            errors["RiskAreas"] = [text["Experts.ChooseAreas"]];
        if (input.ProductKinds.Count == 0)
            errors["ProductKinds"] = [text["Experts.ChooseKinds"]];
        if (input.AvailabilityNote?.Length > MaxNoteLength)
            errors["AvailabilityNote"] = [text["Validation.MaxLength", text["Experts.AvailabilityNote"].Value, MaxNoteLength]];
        if (errors.Count > 0)
            return errors;

        var userId = user.UserId();
        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = new ExpertProfile { UserId = userId };
            db.ExpertProfiles.Add(profile);
        }
        profile.RiskAreas = [.. input.RiskAreas.Distinct().Order()];
        profile.ProductKinds = [.. input.ProductKinds.Distinct().Order()];
        profile.Available = input.Available;
        profile.AvailabilityNote = string.IsNullOrWhiteSpace(input.AvailabilityNote) ? null : input.AvailabilityNote.Trim();
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Every user with the expert role, filtered in the query and paged.</summary>
    public async Task<ExpertList> ListAsync(ExpertFilter filter, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, ExpertFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var expertRole = IdentitySetup.RoleName(Role.Expert);
        var query = db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == expertRole)));
        if (filter.RiskArea is { } area)
            query = query.Where(u => db.ExpertProfiles.Any(p => p.UserId == u.Id && p.RiskAreas.Contains(area)));
        if (filter.ProductKind is { } kind)
            query = query.Where(u => db.ExpertProfiles.Any(p => p.UserId == u.Id && p.ProductKinds.Contains(kind)));
        if (filter.AvailableOnly)
            query = query.Where(u => db.ExpertProfiles.Any(p => p.UserId == u.Id && p.Available));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on both engines; the StringComparison overloads do not translate.
            query = query.Where(u => u.DisplayName.ToLower().Contains(term) || (u.Email != null && u.Email.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await ItemsAsync(query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Skip((page - 1) * pageSize).Take(pageSize), cancellationToken);
        return new ExpertList(items, total, page, pageSize);
    }

    // The users in their order, then their profiles and seats by id: one query each, whatever the page size.
    private async Task<List<ExpertItem>> ItemsAsync(IQueryable<User> users, CancellationToken cancellationToken)
    {
        var people = await users.Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var profiles = await db.ExpertProfiles.Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var seats = await db.PanelSeats.Where(s => ids.Contains(s.ExpertId) && s.ReleasedAt == null)
            .GroupBy(s => s.ExpertId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. people.Select(u =>
        {
            var profile = profiles.GetValueOrDefault(u.Id);
            return new ExpertItem(u.Id, u.DisplayName, u.Email, profile is not null, profile?.RiskAreas ?? [], profile?.ProductKinds ?? [],
                profile?.Available ?? false, profile?.AvailabilityNote, profile?.UpdatedAt, seats.GetValueOrDefault(u.Id));
        })];
    }
}
