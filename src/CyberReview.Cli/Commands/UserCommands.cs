using System.CommandLine;
using System.Globalization;
using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Cli.Commands;

/// <summary><c>cyberreview users create-admin|list</c>: the people who sign in.</summary>
internal static class UserCommands
{
    private const string DefaultOffice = "Cybersecurity Review Office";

    public static Command Create(CommandHost host)
    {
        var email = new Option<string>("--email") { Description = "The administrator's e-mail address, which is also the sign-in name.", Required = true };
        var name = new Option<string>("--name") { Description = "The administrator's full name, as others will see it.", Required = true };
        var organisation = new Option<string>("--organisation")
        {
            Description = "The review office the administrator works for; created if it does not exist.",
            DefaultValueFactory = _ => DefaultOffice,
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input instead of generating one." };
        var createAdmin = new Command("create-admin", "Create an administrator, such as the first one of a new installation, and print the password once.")
        {
            email, name, organisation, passwordStdin,
        };
        createAdmin.SetAction((parse, cancellationToken) => host.RunAsync(installation => CreateAdministratorAsync(
            installation,
            host.Console,
            new AdministratorRequest(parse.GetRequiredValue(email).Trim(), parse.GetRequiredValue(name).Trim(), parse.GetRequiredValue(organisation).Trim(), parse.GetValue(passwordStdin)),
            cancellationToken)));

        var list = new Command("list", "List every user with organisation, roles and whether the account is active.");
        list.SetAction((_, cancellationToken) => host.RunAsync(installation => ListAsync(installation, host.Console, cancellationToken)));

        return new Command("users", "The people who sign in.") { createAdmin, list };
    }

    private sealed record AdministratorRequest(string Email, string Name, string Organisation, bool PasswordFromStdin);

    private static async Task<int> CreateAdministratorAsync(Installation installation, CliConsole console, AdministratorRequest request, CancellationToken cancellationToken)
    {
        if (request.Name.Length == 0 || request.Organisation.Length == 0)
            return await RefuseAsync(console, "The name and the organisation must not be empty.");
        string password;
        if (request.PasswordFromStdin)
        {
            if (await console.In.ReadLineAsync(cancellationToken) is not { } line)
                return await RefuseAsync(console, "--password-stdin was given but standard input holds no line.");
            password = line;
        }
        else
        {
            password = InitialPassword.New([request.Email, request.Name]);
        }

        await installation.PrepareSchemaAsync(console.Out, cancellationToken);
        var users = installation.Users;
        if (await users.FindByEmailAsync(request.Email) is { } existing)
            return await RefuseAsync(console, $"A user with the e-mail address {existing.Email} already exists; nothing was changed.");

        var db = installation.Db;
        var now = installation.Clock.GetUtcNow();
        // The organisation, the user and the role land together or not at all: a refused password leaves no trace.
        var refusal = await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var office = await db.Organisations.SingleOrDefaultAsync(o => o.Name == request.Organisation, cancellationToken);
            if (office is null)
            {
                office = new Organisation { Id = Guid.CreateVersion7(now), Name = request.Organisation, Kind = OrganisationKind.ReviewOffice, CreatedAt = now };
                db.Organisations.Add(office);
                await db.SaveChangesAsync(cancellationToken);
            }
            else if (!AccessRules.MayHold(office.Kind, Role.Administrator))
            {
                return $"{office.Name} is a {office.Kind} organisation; administrators work for a {OrganisationKind.ReviewOffice}.";
            }

            var user = new User
            {
                Id = Guid.CreateVersion7(now),
                UserName = request.Email,
                Email = request.Email,
                EmailConfirmed = true,
                DisplayName = request.Name,
                OrganisationId = office.Id,
                CreatedAt = now,
                ActivatedAt = now,
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
                created = await users.AddToRoleAsync(user, IdentitySetup.RoleName(Role.Administrator));
            if (!created.Succeeded)
                return $"Cannot create {request.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}";
            await transaction.CommitAsync(cancellationToken);
            return null;
        }, cancellationToken);
        if (refusal is not null)
            return await RefuseAsync(console, $"{refusal} Nothing was changed.");

        await console.Out.WriteLineAsync($"Created administrator {request.Name} <{request.Email}> of {request.Organisation}.");
        if (!request.PasswordFromStdin)
        {
            await console.Out.WriteLineAsync($"Password: {password}");
            await console.Out.WriteLineAsync("It is shown only this once: hand it over safely, or change it after the first sign-in.");
        }
        return 0;
    }

    private static async Task<int> ListAsync(Installation installation, CliConsole console, CancellationToken cancellationToken)
    {
        await installation.PrepareSchemaAsync(console.Out, cancellationToken);
        var db = installation.Db;
        var users = await db.Users
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Email,
                u.DisplayName,
                Organisation = u.Organisation.Name,
                u.ActivatedAt,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, held => held.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            await console.Out.WriteLineAsync("No users yet. Create the first administrator with `cyberreview users create-admin --email … --name …`.");
            return 0;
        }

        var now = installation.Clock.GetUtcNow();
        await TextTable.WriteAsync(
            console.Out,
            ["Email", "Name", "Organisation", "Roles", "Status"],
            [.. users.Select(u => (IReadOnlyList<string>)
            [
                u.Email ?? "",
                u.DisplayName,
                u.Organisation,
                string.Join(", ", u.Roles.Order(StringComparer.Ordinal)),
                u.LockoutEnd is { } end && end > now ? string.Create(CultureInfo.InvariantCulture, $"locked out until {end.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
                    : u.ActivatedAt is null ? "invited"
                    : "active",
            ])]);
        return 0;
    }

    private static async Task<int> RefuseAsync(CliConsole console, string reason)
    {
        await console.Error.WriteLineAsync(reason);
        return 1;
    }
}
