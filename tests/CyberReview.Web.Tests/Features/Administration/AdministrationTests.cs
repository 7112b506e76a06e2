using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Administration;

public sealed class AdministrationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_role_that_does_not_fit_the_organisation_is_refused_and_nobody_is_created(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        var northwind = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Northwind Networks Ltd.").Select(o => o.Id).SingleAsync());
        var email = $"misfit-{Guid.NewGuid():N}@example.org";

        var page = await admin.PostFormAsync("/Administration/InviteUser",
            [new("Form.Email", email), new("Form.DisplayName", "Misfit"), new("Form.OrganisationId", northwind.ToString()), new("Form.Roles", "Evaluator")],
            formPage: "/Administration/InviteUser");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Evaluator: not a role for a member of a Provider", page.Html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_cannot_remove_their_own_administration(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.Email == app.SignInFor(Role.Administrator).Email).Select(u => new { u.Id, u.OrganisationId }).SingleAsync());

        var page = await admin.PostFormAsync($"/Administration/EditUser?id={me.Id}",
            [new("Form.OrganisationId", me.OrganisationId.ToString()), new("Form.Roles", "Office")], formPage: $"/Administration/EditUser?id={me.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("cannot remove your own administrator role", page.Html);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Administration/Users")).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Disabling_a_user_ends_their_session(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, "Contoso Cloud Co.");
        var user = PageClient.For(app);
        await user.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/Products")).Status);
        var target = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.OrganisationId }).SingleAsync());

        var admin = await apps.SignedIn(engine, Role.Administrator);
        var saved = await admin.PostFormAsync($"/Administration/EditUser?id={target.Id}",
            [new("Form.OrganisationId", target.OrganisationId.ToString()), new("Form.Roles", "Provider"), new("Form.Disabled", "true")],
            formPage: $"/Administration/EditUser?id={target.Id}");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Disabled", saved.Html);

        Assert.Equal(HttpStatusCode.BadRequest, (await PageClient.For(app).SignInAsync(email, password)).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Organisations_are_registered_through_the_api_with_clear_validation(Database engine)
    {
        var app = await apps.For(engine);
        var office = await apps.SignedIn(engine, Role.Office);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(office, "organisations"));
        var name = $"Fabrikam Security {Guid.NewGuid():N}";

        var created = await api.PostAsJsonAsync("/api/v1/organisations", new { name, kind = "Provider" });
        var duplicate = await api.PostAsJsonAsync("/api/v1/organisations", new { name, kind = "Provider" });
        var empty = await api.PostAsJsonAsync("/api/v1/organisations", new { name = "", kind = "Provider" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already exists", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var problem = JsonDocument.Parse(await empty.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.TryGetProperty("errors", out _));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == name)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Users_are_invited_through_the_api(Database engine)
    {
        var app = await apps.For(engine);
        var admin = await apps.SignedIn(engine, Role.Administrator);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(admin, "provisioning"));
        var institution = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "National Network Product Testing Laboratory").Select(o => o.Id).SingleAsync());
        var email = $"api-invite-{Guid.NewGuid():N}@example.org";

        var invited = await api.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Sun Hao", organisationId = institution, roles = new[] { "Evaluator" } });

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("/Account/Invitation?user=", body.GetProperty("invitationLink").GetString());
        var users = await api.GetFromJsonAsync<JsonElement>("/api/v1/users");
        var row = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);
        Assert.Equal("Invited", row.GetProperty("status").GetString());
        Assert.Equal(["Evaluator"], row.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }
}
