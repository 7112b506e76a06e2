using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Data.Demo;

/// <summary>
/// Demo organisations, one user per role, a few providers with products, an expert pool (<see cref="DemoExperts"/>)
/// and cases in every state (<see cref="DemoCases"/>), so that a newcomer can sign in and look around. Passwords are
/// generated at seed time and returned, never stored in plain text in configuration.
/// </summary>
public static class DemoData
{
    public const string EmailDomain = "demo.cyberreview.local";

    private static readonly (string Name, OrganisationKind Kind)[] Organisations =
    [
        ("Cybersecurity Review Office", OrganisationKind.ReviewOffice),
        ("Northwind Networks Ltd.", OrganisationKind.Provider),
        ("Contoso Cloud Co.", OrganisationKind.Provider),
        ("National Network Product Testing Laboratory", OrganisationKind.Institution),
        ("Telecommunications Sector Department", OrganisationKind.SectorDepartment),
        ("Provincial Power Grid Company", OrganisationKind.ProcuringBody),
    ];

    private static readonly (Role Role, string Login, string Name, string Organisation)[] People =
    [
        (Role.Office, "office", "Wang Fang (Review Office)", "Cybersecurity Review Office"),
        (Role.Committee, "committee", "Li Wei (Review Committee)", "Cybersecurity Review Office"),
        (Role.Expert, "expert", "Zhang Min (Expert)", "Cybersecurity Review Office"),
        (Role.Evaluator, "evaluator", "Chen Jing (Evaluator)", "National Network Product Testing Laboratory"),
        (Role.Provider, "provider", "Liu Yang (Northwind Networks)", "Northwind Networks Ltd."),
        (Role.SectorAuthority, "sector", "Zhao Lei (Telecom Sector)", "Telecommunications Sector Department"),
        (Role.Procurer, "procurer", "Huang Li (Power Grid Procurement)", "Provincial Power Grid Company"),
        (Role.Administrator, "admin", "Zhou Qiang (Administrator)", "Cybersecurity Review Office"),
    ];

    private static readonly (string Provider, string Name, ProductKind Kind, string Description, string[] Versions)[] Products =
    [
        ("Northwind Networks Ltd.", "NR-9000 Core Router", ProductKind.Hardware, "Carrier-grade core router for backbone networks.", ["5.2", "5.3", "6.0"]),
        ("Northwind Networks Ltd.", "Northwind Network OS", ProductKind.Software, "Operating system of Northwind routers and switches.", ["12.1", "12.2"]),
        ("Contoso Cloud Co.", "Contoso Managed Database", ProductKind.CloudService, "Managed relational database service.", ["2025.1", "2026.1"]),
        ("Contoso Cloud Co.", "Contoso SD-WAN", ProductKind.NetworkService, "Software-defined wide-area network service for branch offices.", ["3.2", "3.3", "3.4"]),
        ("Northwind Networks Ltd.", "Northwind Edge Firewall", ProductKind.Hardware, "Next-generation firewall for data centre perimeters.", ["3.2", "4.0", "4.1"]),
        ("Contoso Cloud Co.", "Contoso Object Storage", ProductKind.CloudService, "Object storage service with an S3-compatible interface.", ["2024.3", "2025.2"]),
    ];

    // The package URL each demo product is identified by in procurement checks (pkg:generic: they are not in a package registry).
    private static readonly Dictionary<string, string> Purls = new(StringComparer.Ordinal)
    {
        ["NR-9000 Core Router"] = "pkg:generic/northwind/nr-9000",
        ["Northwind Network OS"] = "pkg:generic/northwind/network-os",
        ["Contoso Managed Database"] = "pkg:generic/contoso/managed-database",
        ["Contoso SD-WAN"] = "pkg:generic/contoso/sd-wan",
        ["Northwind Edge Firewall"] = "pkg:generic/northwind/edge-firewall",
        ["Contoso Object Storage"] = "pkg:generic/contoso/object-storage",
    };

    /// <summary>Seeds the demo; see <see cref="DemoSeedResult"/> for the three outcomes.</summary>
    public static async Task<DemoSeedResult> SeedAsync(ReviewDbContext db, UserManager<User> users, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(u => !u.IsDemo, cancellationToken) || await db.Organisations.AnyAsync(o => !o.IsDemo, cancellationToken))
            return new DemoSeedResult.Refused("The database already holds data that is not demo data; the demo seed only runs on a new database.");
        if (await db.Users.AnyAsync(cancellationToken))
            return new DemoSeedResult.AlreadySeeded();

        var now = clock.GetUtcNow();
        var organisations = Organisations.ToDictionary(
            o => o.Name,
            o => new Organisation { Id = Guid.CreateVersion7(now), Name = o.Name, Kind = o.Kind, CreatedAt = now, IsDemo = true });
        db.Organisations.AddRange(organisations.Values);
        foreach (var product in Products)
        {
            db.Products.Add(new Product
            {
                Id = Guid.CreateVersion7(now),
                ProviderId = organisations[product.Provider].Id,
                Name = product.Name,
                Kind = product.Kind,
                Description = product.Description,
                Purl = Purls.GetValueOrDefault(product.Name),
                CreatedAt = now,
                Versions = [.. product.Versions.Select(v => new ProductVersion { Id = Guid.CreateVersion7(now), Version = v })],
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        var signIns = new List<DemoSignIn>();
        var people = new Dictionary<Role, User>();
        foreach (var person in People)
        {
            var email = $"{person.Login}@{EmailDomain}";
            var user = new User
            {
                Id = Guid.CreateVersion7(now),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                OrganisationId = organisations[person.Organisation].Id,
                CreatedAt = now,
                ActivatedAt = now,
                IsDemo = true,
            };
            var password = InitialPassword.New([email, person.Name]);
            Require(await users.CreateAsync(user, password), email);
            Require(await users.AddToRoleAsync(user, IdentitySetup.RoleName(person.Role)), email);
            signIns.Add(new DemoSignIn(person.Role, email, password, await EnrolAsync(users, user, person.Role)));
            people[person.Role] = user;
        }
        var experts = await DemoExperts.AddAsync(db, users, people[Role.Expert], organisations, now);
        DemoCases.Add(db, organisations, people, experts, now);
        DemoDeclarations.Add(db, organisations, people, now);
        await db.SaveChangesAsync(cancellationToken);
        await DemoUndertakings.AcceptAsync(db, cancellationToken);
        return new DemoSeedResult.Seeded(signIns);
    }

    /// <summary>
    /// A demo user whose role needs a second factor gets an authenticator key of its own, printed with the password,
    /// so that the demo can be signed in to with any authenticator app (or <c>oathtool --totp -b KEY</c>).
    /// </summary>
    internal static async Task<string?> EnrolAsync(UserManager<User> users, User user, Role role)
    {
        if (!SecondFactorRules.RequiredFor(role))
            return null;
        Require(await users.ResetAuthenticatorKeyAsync(user), user.Email!);
        Require(await users.SetTwoFactorEnabledAsync(user, true), user.Email!);
        return await users.GetAuthenticatorKeyAsync(user);
    }

    internal static void Require(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}

/// <summary>A demo sign-in; <paramref name="AuthenticatorKey"/> (base32) for the roles that need a second factor.</summary>
public sealed record DemoSignIn(Role Role, string Email, string Password, string? AuthenticatorKey = null);

/// <summary>What the demo seed did.</summary>
public abstract record DemoSeedResult
{
    private DemoSeedResult() { }

    public sealed record Seeded(IReadOnlyList<DemoSignIn> SignIns) : DemoSeedResult;

    public sealed record AlreadySeeded : DemoSeedResult;

    public sealed record Refused(string Reason) : DemoSeedResult;
}
