using System.Net;
using System.Net.Http.Json;
using System.Text;
using CyberReview.Data.Identity;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Account;

public sealed class TokenTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_is_shown_once_stored_hashed_and_authenticates_the_api(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await apps.SignedIn(engine, Role.Provider);

        var token = await Tokens.CreateAsync(provider, "build server " + Guid.NewGuid().ToString("N")[..6]);

        var page = await provider.GetAsync("/Account/Tokens");
        Assert.DoesNotContain(token, page.Html);
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var stored = await app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Prefix == token.Substring(0, 12)).ToListAsync());
        var row = Assert.Single(stored);
        Assert.Equal(32, row.Hash.Length);
        Assert.NotEqual(tokenBytes, row.Hash);

        using var api = Tokens.ApiClient(app, token);
        var me = await api.GetFromJsonAsync<MeResponse>("/api/v1/me");
        Assert.NotNull(me);
        Assert.Equal(app.SignInFor(Role.Provider).Email, me.Email);
        Assert.Equal(["Provider"], me.Roles);
        Assert.Equal("Provider", me.Organisation.Kind);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_revoked_token_is_refused_with_a_problem(Database engine)
    {
        var app = await apps.For(engine);
        var office = await apps.SignedIn(engine, Role.Office);
        var token = await Tokens.CreateAsync(office, "to revoke");
        using var api = Tokens.ApiClient(app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var id = await app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Prefix == token.Substring(0, 12)).Select(t => t.Id).SingleAsync());
        var revoked = await office.PostFormAsync($"/Account/Tokens?handler=Revoke&id={id}", [], formPage: "/Account/Tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);

        var refused = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Expired_unknown_and_malformed_tokens_are_refused(Database engine)
    {
        var app = await apps.For(engine);
        var committee = await apps.SignedIn(engine, Role.Committee);
        var token = await Tokens.CreateAsync(committee, "short-lived");
        await app.WithDbAsync(async db =>
        {
            var row = await db.PersonalAccessTokens.SingleAsync(t => t.Prefix == token.Substring(0, 12));
            row.ExpiresAt = row.CreatedAt.AddDays(-1);
            return await db.SaveChangesAsync();
        });

        foreach (var (presented, reason) in new[] { (token, "expired"), ("crv_" + new string('a', 43), "not known"), ("ghp_somebodyelses", "not a CyberReview") })
        {
            using var api = Tokens.ApiClient(app, presented);
            var response = await api.GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_disabled_users_tokens_stop_working(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Evaluator, "National Network Product Testing Laboratory");
        var evaluator = PageClient.For(app);
        await evaluator.SignInAsync(email, password);
        var token = await Tokens.CreateAsync(evaluator, "lab robot");
        using var api = Tokens.ApiClient(app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_api_does_not_accept_a_browser_session(Database engine)
    {
        var office = await apps.SignedIn(engine, Role.Office);

        var response = await office.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.Response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_user_cannot_revoke_someone_elses_token(Database engine)
    {
        var app = await apps.For(engine);
        var expert = await apps.SignedIn(engine, Role.Expert);
        var token = await Tokens.CreateAsync(expert, "expert's own");
        var id = await app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Prefix == token.Substring(0, 12)).Select(t => t.Id).SingleAsync());

        var procurer = await apps.SignedIn(engine, Role.Procurer);
        var attempt = await procurer.PostFormAsync($"/Account/Tokens?handler=Revoke&id={id}", [], formPage: "/Account/Tokens");
        var procurerToken = await Tokens.CreateAsync(procurer, "procurer's own");
        using var api = Tokens.ApiClient(app, procurerToken);
        var viaApi = await api.DeleteAsync($"/api/v1/tokens/{id}");

        Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        Assert.Equal(HttpStatusCode.NotFound, viaApi.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.PersonalAccessTokens.Where(t => t.Id == id).Select(t => t.RevokedAt).SingleAsync()));
    }

    private sealed record MeResponse(Guid Id, string Email, string DisplayName, OrganisationResponse Organisation, string[] Roles);

    private sealed record OrganisationResponse(Guid Id, string Name, string Kind);
}
