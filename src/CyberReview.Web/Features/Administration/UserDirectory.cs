using CyberReview.Data;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Features.Administration;

public enum UserStatus { Active, Invited, Locked, Disabled }

public sealed record UserRow(Guid Id, string Email, string DisplayName, Guid OrganisationId, string Organisation, IReadOnlyList<Role> Roles, UserStatus Status);

/// <summary>The user list as the administration page and the API both show it.</summary>
internal static class UserDirectory
{
    public static async Task<IReadOnlyList<UserRow>> ListAsync(ReviewDbContext db, DateTimeOffset now, CancellationToken cancellationToken, Guid? onlyUser = null)
    {
        var users = await db.Users
            .Where(u => onlyUser == null || u.Id == onlyUser)
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.OrganisationId,
                Organisation = u.Organisation.Name,
                u.ActivatedAt,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserRow(
            u.Id,
            u.Email ?? "",
            u.DisplayName,
            u.OrganisationId,
            u.Organisation,
            [.. u.Roles.Select(name => Enum.TryParse<Role>(name, out var role) ? role : (Role?)null).OfType<Role>().Order()],
            StatusOf(u.LockoutEnd, u.ActivatedAt, now)))];
    }

    // Disabling sets the lockout end to the far future; a failed-sign-in lockout lasts minutes.
    private static UserStatus StatusOf(DateTimeOffset? lockoutEnd, DateTimeOffset? activatedAt, DateTimeOffset now) => lockoutEnd switch
    {
        { } end when end > now.AddYears(1) => UserStatus.Disabled,
        { } end when end > now => UserStatus.Locked,
        _ => activatedAt is null ? UserStatus.Invited : UserStatus.Active,
    };
}
