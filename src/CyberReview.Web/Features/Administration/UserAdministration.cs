using CyberReview.Data;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CyberReview.Web.Features.Administration;

/// <summary>What an administrator asks for: a person, their organisation and roles.</summary>
public sealed record UserAssignment(string Email, string DisplayName, Guid OrganisationId, IReadOnlyList<Role> Roles);

/// <summary>The outcome of an administrative change: done (with an invitation link when one was issued) or refused per field.</summary>
public sealed record AdministrationOutcome(Guid? Id, string? InvitationLink, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AdministrationOutcome Refused(string field, string message) => new(null, null, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// Inviting users and changing their organisation, roles and status: one place for the rules, used by
/// the administration pages and the API alike.
/// </summary>
public sealed class UserAdministration(
    ReviewDbContext db,
    UserManager<User> users,
    TimeProvider clock,
    IStringLocalizer<Resources.Text> text)
{
    public async Task<AdministrationOutcome> InviteAsync(UserAssignment assignment, string siteRoot, CancellationToken cancellationToken)
    {
        var email = assignment.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            return AdministrationOutcome.Refused(nameof(UserAssignment.Email), text["Users.EmailTaken"]);
        var refusal = await CheckAssignmentAsync(assignment.OrganisationId, assignment.Roles, cancellationToken);
        if (refusal is not null)
            return refusal;

        var now = clock.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            DisplayName = assignment.DisplayName.Trim(),
            OrganisationId = assignment.OrganisationId,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return new AdministrationOutcome(null, null, new Dictionary<string, string[]> { [nameof(UserAssignment.Email)] = [.. created.Errors.Select(e => e.Description)] });
        await users.AddToRolesAsync(user, assignment.Roles.Select(IdentitySetup.RoleName));
        return new AdministrationOutcome(user.Id, await InvitationLinkAsync(user, siteRoot), new Dictionary<string, string[]>());
    }

    public async Task<AdministrationOutcome> ChangeAsync(Guid userId, Guid organisationId, IReadOnlyList<Role> roles, bool disabled, Guid actingAdministrator, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
            return AdministrationOutcome.Refused("Id", text["Users.NotFound"]);
        var refusal = await CheckAssignmentAsync(organisationId, roles, cancellationToken);
        if (refusal is not null)
            return refusal;
        var administrator = IdentitySetup.RoleName(Role.Administrator);
        var losesAdministration = (!roles.Contains(Role.Administrator) || disabled) && await users.IsInRoleAsync(user, administrator);
        if (userId == actingAdministrator && losesAdministration)
            return AdministrationOutcome.Refused("Roles", text["Users.CannotDemoteSelf"]);
        if (losesAdministration && !(await users.GetUsersInRoleAsync(administrator)).Any(u => u.Id != userId && !IsDisabled(u)))
            return AdministrationOutcome.Refused("Roles", text["Users.LastAdministrator"]);

        user.OrganisationId = organisationId;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        var wanted = roles.Select(IdentitySetup.RoleName).ToHashSet();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        // A new security stamp ends the user's sessions elsewhere, so the change takes effect at once.
        await users.UpdateSecurityStampAsync(user);
        return new AdministrationOutcome(user.Id, null, new Dictionary<string, string[]>());
    }

    /// <summary>
    /// For a user who lost their authenticator and recovery codes: their second factor is removed (new key, no codes,
    /// a new security stamp ending every session, their API tokens revoked); they set a new one up at the next sign-in.
    /// </summary>
    public async Task<AdministrationOutcome> ResetSecondFactorAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
            return AdministrationOutcome.Refused("Id", text["Users.NotFound"]);
        await Account.AuthenticatorModel.ResetAsync(users, db, clock, user, cancellationToken);
        return new AdministrationOutcome(user.Id, null, new Dictionary<string, string[]>());
    }

    public async Task<AdministrationOutcome> ReissueInvitationAsync(Guid userId, string siteRoot)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
            return AdministrationOutcome.Refused("Id", text["Users.NotFound"]);
        if (user.ActivatedAt is not null)
            return AdministrationOutcome.Refused("Id", text["Users.AlreadyActive"]);
        return new AdministrationOutcome(user.Id, await InvitationLinkAsync(user, siteRoot), new Dictionary<string, string[]>());
    }

    private async Task<AdministrationOutcome?> CheckAssignmentAsync(Guid organisationId, IReadOnlyList<Role> roles, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null)
            return AdministrationOutcome.Refused(nameof(UserAssignment.OrganisationId), text["Users.OrganisationNotFound"]);
        return AccessRules.CheckAssignment(organisation.Kind, roles) switch
        {
            null => null,
            RoleAssignmentRefusal.NoRole => AdministrationOutcome.Refused(nameof(UserAssignment.Roles), text["Users.NoRole"]),
            RoleAssignmentRefusal.WrongOrganisation wrong => AdministrationOutcome.Refused(nameof(UserAssignment.Roles),
                text["Users.WrongOrganisation", string.Join(", ", wrong.Roles.Select(r => text[$"Role.{r}"].Value)), text[$"OrganisationKind.{wrong.Organisation}"].Value]),
            _ => throw new InvalidOperationException("Unknown refusal."),
        };
    }

    private bool IsDisabled(User user) => user.LockoutEnd > clock.GetUtcNow().AddYears(1);

    private async Task<string> InvitationLinkAsync(User user, string siteRoot)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{siteRoot.TrimEnd('/')}/Account/Invitation?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }
}
