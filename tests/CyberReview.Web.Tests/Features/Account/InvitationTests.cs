using System.Net;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Account;

public sealed class InvitationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_invited_user_chooses_a_password_and_signs_in_with_the_role_given(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.SectorAuthority, "Telecommunications Sector Department");

        var client = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).Status);
        var home = await client.GetAsync("/Home");
        Assert.Contains("data-role=\"SectorAuthority\"", home.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_weak_password_is_refused_and_the_link_stays_usable(Database engine)
    {
        var app = await apps.For(engine);
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        var link = new Uri(await Invitations.InviteAsync(apps, engine, email, Role.Expert, "Cybersecurity Review Office"));
        var invitee = PageClient.For(app);

        var tooShort = await invitee.PostFormAsync(link.PathAndQuery, [new("Form.Password", "short one"), new("Form.Confirmation", "short one")], formPage: link.PathAndQuery);
        var common = await invitee.PostFormAsync(link.PathAndQuery, [new("Form.Password", "123456789012345"), new("Form.Confirmation", "123456789012345")], formPage: link.PathAndQuery);

        Assert.Contains("at least 15 characters", tooShort.Html);
        Assert.Contains("too common", common.Html);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));

        var good = await invitee.PostFormAsync(link.PathAndQuery, [new("Form.Password", "amber meadow kettle drum"), new("Form.Confirmation", "amber meadow kettle drum")], formPage: link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_invitation_link_works_only_once(Database engine)
    {
        var app = await apps.For(engine);
        var link = new Uri(await Invitations.InviteAsync(apps, engine, $"once-{Guid.NewGuid():N}@example.org", Role.Expert, "Cybersecurity Review Office"));
        var first = PageClient.For(app);
        await first.PostFormAsync(link.PathAndQuery, [new("Form.Password", "amber meadow kettle drum"), new("Form.Confirmation", "amber meadow kettle drum")], formPage: link.PathAndQuery);

        var second = await PageClient.For(app).GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Contains("not valid", second.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_tampered_invitation_link_is_refused(Database engine)
    {
        var app = await apps.For(engine);
        var link = new Uri(await Invitations.InviteAsync(apps, engine, $"tamper-{Guid.NewGuid():N}@example.org", Role.Expert, "Cybersecurity Review Office"));

        var page = await PageClient.For(app).GetAsync(link.PathAndQuery.Replace("token=", "token=x", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("not valid", page.Html);
    }
}
