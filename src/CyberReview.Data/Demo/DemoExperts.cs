using CyberReview.Data.Conflicts;
using CyberReview.Data.Identity;
using CyberReview.Data.Organisations;
using CyberReview.Data.Panels;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Conflicts;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Products;
using Microsoft.AspNetCore.Identity;
using static CyberReview.Reviews.Criteria.RiskArea;
using static CyberReview.Reviews.Products.ProductKind;

namespace CyberReview.Data.Demo;

/// <summary>An expert of the demo pool: the user and the profile the office draws panels by.</summary>
internal sealed record DemoExpert(User User, ExpertProfile Profile);

/// <summary>
/// The demo's expert pool: the demo expert, who signs in, and six colleagues of the review office with profiles
/// of their own, so that the office can draw panels in the running demo. One of them is unavailable, and one has
/// declared a tie with Contoso, so that a draw visibly skips both.
/// </summary>
internal static class DemoExperts
{
    private const string Office = "Cybersecurity Review Office";

    private static readonly (string Login, string Name, RiskArea[] Areas, ProductKind[] Kinds, string? AwayNote)[] Pool =
    [
        ("expert", "Zhang Min (Expert)", [IllegalControl, RiskArea.SupplyChain, OtherNationalSecurity], [Hardware, Software, NetworkService], null),
        ("sun.hao", "Sun Hao (Expert)", [UserInformation, UnfairCompetition], [Hardware, Software, CloudService], null),
        ("wu.xia", "Wu Xia (Expert)", [RiskArea.SupplyChain, UserInformation], [Hardware, Software, CloudService, NetworkService], null),
        ("zheng.yu", "Zheng Yu (Expert)", [IllegalControl, UnfairCompetition, OtherNationalSecurity], [Hardware, Software, CloudService, NetworkService], null),
        ("feng.lin", "Feng Lin (Expert)", [IllegalControl, RiskArea.SupplyChain], [Hardware, NetworkService], null),
        ("ma.jun", "Ma Jun (Expert)", [UserInformation, OtherNationalSecurity], [Hardware, Software, CloudService, NetworkService], null),
        ("qian.rui", "Qian Rui (Expert)", [UserInformation, UnfairCompetition], [Software, CloudService], "On secondment to a standards body until March."),
    ];

    /// <summary>
    /// Adds the pool's users (the demo expert already exists), their profiles and the one declared tie. The colleagues
    /// are activated users with a password nobody is told: they exist to sit on panels, not to sign in.
    /// </summary>
    public static async Task<IReadOnlyList<DemoExpert>> AddAsync(ReviewDbContext db, UserManager<User> users, User demoExpert,
        IReadOnlyDictionary<string, Organisation> organisations, DateTimeOffset now)
    {
        var experts = new List<DemoExpert>();
        foreach (var member in Pool)
        {
            var user = member.Login == "expert" ? demoExpert : await ColleagueAsync(users, member.Login, member.Name, organisations[Office].Id, now);
            var profile = new ExpertProfile
            {
                UserId = user.Id, RiskAreas = [.. member.Areas], ProductKinds = [.. member.Kinds],
                Available = member.AwayNote is null, AvailabilityNote = member.AwayNote, UpdatedAt = now,
            };
            db.ExpertProfiles.Add(profile);
            experts.Add(new DemoExpert(user, profile));
        }
        db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            Id = Guid.CreateVersion7(now.AddYears(-2)),
            UserId = experts.Single(e => e.User.Email!.StartsWith("ma.jun@", StringComparison.Ordinal)).User.Id,
            ProviderId = organisations["Contoso Cloud Co."].Id,
            Kind = RelationshipKind.PaidWork,
            Description = "Advised Contoso Cloud Co. on the certification of its data centres in 2024.",
            DeclaredAt = now.AddYears(-2),
        });
        return experts;
    }

    private static async Task<User> ColleagueAsync(UserManager<User> users, string login, string name, Guid officeId, DateTimeOffset now)
    {
        var email = $"{login}@{DemoData.EmailDomain}";
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            OrganisationId = officeId,
            CreatedAt = now,
            ActivatedAt = now,
            IsDemo = true,
        };
        DemoData.Require(await users.CreateAsync(user, InitialPassword.New([email, name])), email);
        DemoData.Require(await users.AddToRoleAsync(user, IdentitySetup.RoleName(Role.Expert)), email);
        // Experts need two-step sign-in; the pool's demo members have an authenticator as the printed demo expert does.
        await DemoData.EnrolAsync(users, user, Role.Expert);
        return user;
    }
}
