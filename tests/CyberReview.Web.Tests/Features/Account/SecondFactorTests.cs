using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Account;

/// <summary>
/// Two-step sign-in: for each role that needs it, no way in without the second factor (password alone, a wrong code,
/// a replayed code, a reused recovery code, a token made half-way), and the right code or an unused recovery code let in.
/// Each test signs in as users of its own, so that wrong codes do not lock the shared demo accounts.
/// </summary>
public sealed partial class SecondFactorTests(Apps apps)
{
    public static TheoryData<Database, Role> RolesThatNeedIt()
    {
        var data = new TheoryData<Database, Role>();
        foreach (var engine in new Databases())
            foreach (var role in Enum.GetValues<Role>().Where(SecondFactorRules.RequiredFor))
                data.Add(engine, role);
        return data;
    }

    internal static string OrganisationFor(Role role) => role switch
    {
        Role.Evaluator => "National Network Product Testing Laboratory",
        Role.Provider => "Contoso Cloud Co.",
        Role.SectorAuthority => "Telecommunications Sector Department",
        Role.Procurer => "Provincial Power Grid Company",
        _ => "Cybersecurity Review Office",
    };

    [Theory, MemberData(nameof(RolesThatNeedIt))]
    public async Task A_password_alone_or_with_a_wrong_code_opens_nothing_until_an_authenticator_is_confirmed(Database engine, Role role)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, role, OrganisationFor(role));
        var client = PageClient.For(app);

        var signIn = await client.PasswordStepAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.StartsWith("/Account/SecondFactor", signIn.RedirectPath);
        Assert.False(IssuesSession(signIn), "The password step issued a session.");
        await AssertNoSessionAsync(app, client, email);
        Assert.Equal("/Account/Authenticator", (await client.GetAsync("/Account/SecondFactor")).RedirectPath?.Split('?')[0]);

        var enrol = await client.GetAsync("/Account/Authenticator");
        Assert.Equal(HttpStatusCode.OK, enrol.Status);
        var key = await PageClient.AuthenticatorKeyAsync(app, email);
        Assert.Contains(key.ToLowerInvariant()[..4] + " ", enrol.Html);
        Assert.Contains("otpauth://totp/CyberReview:", enrol.Html);
        Assert.Contains("<svg", enrol.Html);
        Assert.DoesNotContain("style=", enrol.Html);

        var wrong = await client.PostFormAsync("/Account/Authenticator?handler=Confirm", [new("Code", WrongCode(key))]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        await AssertNoSessionAsync(app, client, email);

        var confirmed = await client.PostFormAsync("/Account/Authenticator?handler=Confirm", [new("Code", await AuthenticatorApp.NextCodeAsync(key))]);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Equal(10, RecoveryCodes(confirmed.Html).Count);
        await AssertFullSessionAsync(app, client, role);
    }

    [Theory, MemberData(nameof(RolesThatNeedIt))]
    public async Task A_wrong_or_replayed_code_is_refused_and_the_right_code_works_once(Database engine, Role role)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, role, OrganisationFor(role));
        await PageClient.For(app).SignInAsync(email, password); // sets the authenticator up
        var key = await PageClient.AuthenticatorKeyAsync(app, email);

        var first = PageClient.For(app);
        var step = (await first.PasswordStepAsync(email, password)).RedirectPath!;
        var wrong = await first.SecondFactorStepAsync(step, WrongCode(key));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("id=\"second-factor-problem\"", wrong.Html);
        await AssertNoSessionAsync(app, first, email);

        var code = await AuthenticatorApp.NextCodeAsync(key);
        var right = await first.SecondFactorStepAsync(step, code);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal("/Home", right.RedirectPath);
        Assert.True(IssuesSession(right));
        await AssertFullSessionAsync(app, first, role);

        var replay = PageClient.For(app);
        var replayStep = (await replay.PasswordStepAsync(email, password)).RedirectPath!;
        var replayed = await replay.SecondFactorStepAsync(replayStep, code);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
        await AssertNoSessionAsync(app, replay, email);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_recovery_code_signs_in_once(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Expert, OrganisationFor(Role.Expert));
        var enrolling = PageClient.For(app);
        await enrolling.PasswordStepAsync(email, password);
        await enrolling.GetAsync("/Account/Authenticator");
        var key = await PageClient.AuthenticatorKeyAsync(app, email);
        var codes = RecoveryCodes((await enrolling.PostFormAsync("/Account/Authenticator?handler=Confirm", [new("Code", await AuthenticatorApp.NextCodeAsync(key))])).Html);

        var first = PageClient.For(app);
        Assert.Equal("/Account/SecondFactor", (await first.PasswordStepAsync(email, password)).RedirectPath);
        var used = await first.PostFormAsync("/Account/SecondFactor?handler=Recovery", [new("RecoveryCode", codes[0])], formPage: "/Account/SecondFactor");
        Assert.Equal(HttpStatusCode.Redirect, used.Status);
        await AssertFullSessionAsync(app, first, Role.Expert);
        Assert.Contains("Recovery codes left: 9.", (await first.GetAsync("/Account/Authenticator")).Html);

        var again = PageClient.For(app);
        await again.PasswordStepAsync(email, password);
        var reused = await again.PostFormAsync("/Account/SecondFactor?handler=Recovery", [new("RecoveryCode", codes[0])], formPage: "/Account/SecondFactor");
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        await AssertNoSessionAsync(app, again, email);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_without_the_requirement_sign_in_with_a_password_and_may_add_a_second_factor(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, OrganisationFor(Role.Provider));
        var client = PageClient.For(app);
        var signIn = await client.PasswordStepAsync(email, password);
        Assert.Equal("/Home", signIn.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Tokens")).Status);

        await client.GetAsync("/Account/Authenticator");
        var key = await PageClient.AuthenticatorKeyAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/Account/Authenticator?handler=Confirm", [new("Code", await AuthenticatorApp.NextCodeAsync(key))])).Status);
        // Once set up, it is asked for at every sign-in.
        Assert.StartsWith("/Account/SecondFactor", (await PageClient.For(app).PasswordStepAsync(email, password)).RedirectPath);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_disabled_users_session_and_token_are_refused_on_the_next_request(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Office, OrganisationFor(Role.Office));
        var (pages, api) = await SignedInWithTokenAsync(app, email, password);

        await ChangeAsync(app, email, [Role.Office], disabled: true);

        Assert.StartsWith("/Account/SignIn", (await pages.GetAsync("/Home")).RedirectPath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_removed_role_is_gone_from_session_and_token_on_the_next_request(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Office, OrganisationFor(Role.Office));
        var (pages, api) = await SignedInWithTokenAsync(app, email, password);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Institutions")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/institutions")).StatusCode);

        await ChangeAsync(app, email, [Role.Committee], disabled: false);

        var page = await pages.GetAsync("/Institutions");
        Assert.True(page.Status == HttpStatusCode.Forbidden || page.RedirectPath?.StartsWith("/Account/", StringComparison.Ordinal) == true, $"{page.Status} {page.RedirectPath}");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/institutions")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Starting_over_ends_every_session_and_token_of_the_user(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Committee, OrganisationFor(Role.Committee));
        var (elsewhere, api) = await SignedInWithTokenAsync(app, email, password);
        var here = PageClient.For(app);
        await here.SignInAsync(email, password);
        var key = await PageClient.AuthenticatorKeyAsync(app, email);

        Assert.Equal(HttpStatusCode.BadRequest, (await here.PostFormAsync("/Account/Authenticator?handler=Reset", [new("Code", "")], formPage: "/Account/Authenticator")).Status);
        var reset = await here.PostFormAsync("/Account/Authenticator?handler=Reset", [new("Code", await AuthenticatorApp.NextCodeAsync(key))], formPage: "/Account/Authenticator");
        Assert.StartsWith("/Account/SignIn", reset.RedirectPath);

        Assert.StartsWith("/Account/SignIn", (await elsewhere.GetAsync("/Home")).RedirectPath);
        Assert.StartsWith("/Account/SignIn", (await here.GetAsync("/Home")).RedirectPath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        // The next sign-in sets a new authenticator up, with a new key.
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.For(app).SignInAsync(email, password)).Status);
        Assert.NotEqual(key, await PageClient.AuthenticatorKeyAsync(app, email));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_administrator_removing_a_lost_second_factor_ends_the_users_sessions_and_tokens(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Evaluator, OrganisationFor(Role.Evaluator));
        var (pages, api) = await SignedInWithTokenAsync(app, email, password);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var admin = await apps.SignedIn(engine, Role.Administrator);

        var reset = await admin.PostFormAsync($"/Administration/EditUser?id={id}&handler=ResetSecondFactor", [new("id", id.ToString())], formPage: $"/Administration/EditUser?id={id}");

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Contains("The second factor was removed", reset.Html);
        Assert.StartsWith("/Account/SignIn", (await pages.GetAsync("/Home")).RedirectPath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        var again = PageClient.For(app);
        Assert.StartsWith("/Account/SecondFactor", (await again.PasswordStepAsync(email, password)).RedirectPath);
        Assert.StartsWith("/Account/Authenticator", (await again.GetAsync("/Account/SecondFactor")).RedirectPath);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_token_of_a_user_who_needs_a_second_factor_and_has_none_is_refused(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Evaluator, OrganisationFor(Role.Evaluator));
        var (_, api) = await SignedInWithTokenAsync(app, email, password);
        // As if the second factor were turned off behind the application's back (a database edit, an older token).
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, false)));

        var refused = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("two-step sign-in", await refused.Content.ReadAsStringAsync());
    }

    internal static async Task<(PageClient Pages, HttpClient Api)> SignedInWithTokenAsync(CyberReviewApp app, string email, string password)
    {
        var pages = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(email, password)).Status);
        var api = Tokens.ApiClient(app, await Tokens.CreateAsync(pages, "second factor " + Guid.NewGuid().ToString("N")[..6]));
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Home")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        return (pages, api);
    }

    private static async Task ChangeAsync(CyberReviewApp app, string email, Role[] roles, bool disabled)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CyberReview.Data.ReviewDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var outcome = await scope.ServiceProvider.GetRequiredService<UserAdministration>().ChangeAsync(user.Id, user.OrganisationId, roles, disabled, Guid.Empty, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
    }

    /// <summary>What a half-way session may not do: open the home page, the case list, a case, the tokens page, or make a token.</summary>
    private static async Task AssertNoSessionAsync(CyberReviewApp app, PageClient client, string email)
    {
        var caseId = await app.WithDbAsync(db => db.Cases.Select(c => c.Id).FirstAsync());
        foreach (var path in new[] { "/Home", "/Cases", $"/Cases/Case?id={caseId}", "/Account/Tokens", "/Account/StepUp" })
        {
            var page = await client.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.RedirectPath!.StartsWith("/Account/SignIn", StringComparison.Ordinal), $"{path}: {page.Status} {page.RedirectPath}");
        }
        var before = await app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.User.Email == email));
        var made = await client.PostFormAsync("/Account/Tokens?handler=Create", [new("Form.Name", "half-way"), new("Form.LifetimeDays", "30")]);
        Assert.NotEqual(HttpStatusCode.OK, made.Status);
        Assert.Equal(before, await app.WithDbAsync(db => db.PersonalAccessTokens.CountAsync(t => t.User.Email == email)));
        // The session cookie is what the API would refuse anyway; the API takes tokens only.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.Http.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
    }

    private static async Task AssertFullSessionAsync(CyberReviewApp app, PageClient client, Role role)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Tokens")).Status);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(client, "after the second step"));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        if (AccessRules.CapabilitiesOf(role).Contains(Capability.TakePartInCases))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Cases")).Status);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/cases")).StatusCode);
        }
    }

    private static bool IssuesSession(PageClient.Page page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("cyberreview.session=", StringComparison.Ordinal) && !c.StartsWith("cyberreview.session=;", StringComparison.Ordinal));

    /// <summary>A six-digit code that is none of those Identity would accept now (two steps either side).</summary>
    private static string WrongCode(string key)
    {
        var valid = Enumerable.Range(-3, 7).Select(offset => AuthenticatorApp.Code(key, AuthenticatorApp.CurrentStep + offset)).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => ((i * 7919) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    internal static List<string> RecoveryCodes(string html) => [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
