using System.Net;
using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;

namespace CyberReview.Web.Tests.Features.Account;

public sealed partial class SignInTests(Apps apps)
{
    public static TheoryData<Database, Role> EveryRole()
    {
        var data = new TheoryData<Database, Role>();
        foreach (var engine in new Databases())
            foreach (var role in Enum.GetValues<Role>())
                data.Add(engine, role);
        return data;
    }

    /// <summary>What each role's navigation offers, and nothing more (the browser tests check the same).</summary>
    public static readonly IReadOnlyDictionary<Role, string[]> ExpectedNavigation = new Dictionary<Role, string[]>
    {
        [Role.Office] = ["/Home", "/Cases", "/Criteria", "/Experts", "/Products", "/Institutions", "/SupplyChain/Monitoring", "/CiiProcurement", "/PublicReports", "/Registry", "/Procurement/Check", "/Procurement/Oversight", "/PublicReports/New", "/Audit", "/Administration/Organisations", "/Account/Tokens", "/api-reference"],
        [Role.Committee] = ["/Home", "/Cases", "/Criteria", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Audit", "/Account/Tokens", "/api-reference"],
        [Role.Expert] = ["/Home", "/Cases", "/Criteria", "/Experts/Profile", "/Conflicts/Declarations", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Account/Tokens", "/api-reference"],
        [Role.Evaluator] = ["/Home", "/Cases", "/Criteria", "/Conflicts/Declarations", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Account/Tokens", "/api-reference"],
        [Role.Provider] = ["/Home", "/Cases", "/Criteria", "/Products", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Account/Tokens", "/api-reference"],
        [Role.SectorAuthority] = ["/Home", "/Cases", "/Criteria", "/CiiProcurement", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Account/Tokens", "/api-reference"],
        [Role.Procurer] = ["/Home", "/CiiProcurement", "/Registry", "/Procurement/Check", "/Procurement/Purchases", "/PublicReports/New", "/Account/Tokens", "/api-reference"],
        [Role.Administrator] = ["/Home", "/Registry", "/Procurement/Check", "/PublicReports/New", "/Administration/Users", "/Administration/Organisations", "/Calendar", "/Account/Tokens", "/api-reference"],
    };

    [Theory, MemberData(nameof(EveryRole))]
    public async Task Each_role_lands_on_its_home_page_with_only_its_navigation(Database engine, Role role)
    {
        var app = await apps.For(engine);
        var client = PageClient.For(app);
        var signIn = app.SignInFor(role);

        var response = await client.SignInAsync(signIn.Email, signIn.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/Home", response.RedirectPath);

        var home = await client.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains($"data-role=\"{role}\"", home.Html);
        Assert.Equal(ExpectedNavigation[role], NavigationLinks(home.Html));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Signing_out_ends_the_session(Database engine)
    {
        var app = await apps.For(engine);
        var client = PageClient.For(app);
        var signIn = app.SignInFor(Role.Expert);
        await client.SignInAsync(signIn.Email, signIn.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Home")).Status);

        var signOut = await client.PostFormAsync("/Account/SignOut", [], formPage: "/Home");
        Assert.Equal(HttpStatusCode.Redirect, signOut.Status);

        var after = await client.GetAsync("/Home");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/Account/SignIn", after.RedirectPath);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_wrong_password_or_unknown_user_gets_the_same_clear_refusal(Database engine)
    {
        var app = await apps.For(engine);
        // An account of its own: a failed attempt on a shared demo account changes its row under the other tests'
        // sign-ins, and Identity then refuses those (the lockout reset loses the concurrency check).
        var (email, _) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Committee, "Cybersecurity Review Office");

        var wrongPassword = await PageClient.For(app).SignInAsync(email, "not the password at all");
        var unknownUser = await PageClient.For(app).SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "not the password at all");

        foreach (var page in new[] { wrongPassword, unknownUser })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("The e-mail address or the password is wrong.", page.Html);
            Assert.DoesNotContain(page.Response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cyberreview.session", StringComparison.Ordinal));
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_account_locks_after_five_failures_even_for_the_right_password(Database engine)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Procurer, "Provincial Power Grid Company");

        for (var attempt = 0; attempt < 5; attempt++)
            await PageClient.For(app).SignInAsync(email, "wrong password, attempt " + attempt);
        var withRightPassword = await PageClient.For(app).SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.BadRequest, withRightPassword.Status);
        Assert.Contains("locked", withRightPassword.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Too_many_attempts_for_one_account_get_429_with_retry_after(Database engine)
    {
        var app = await apps.For(engine);
        var email = $"sprayed-{Guid.NewGuid():N}@example.org";
        PageClient.Page last = null!;
        for (var attempt = 0; attempt < 11; attempt++)
            last = await PageClient.For(app).SignInAsync(email, "guess number " + attempt);

        Assert.Equal(HttpStatusCode.TooManyRequests, last.Status);
        var retryAfter = int.Parse(Assert.Single(last.Response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 300);
        Assert.Contains("Too many sign-in attempts", last.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_refused(Database engine)
    {
        var app = await apps.For(engine);
        var signIn = app.SignInFor(Role.Office);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(
            [new("Form.Email", signIn.Email), new("Form.Password", signIn.Password)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("cyberreview.session", StringComparison.Ordinal)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_return_address_elsewhere_is_not_followed(Database engine)
    {
        var app = await apps.For(engine);
        // A role without a second step, so that the password step's own redirect is the one checked (SecondFactorTests check the second step's).
        var signIn = app.SignInFor(Role.Provider);
        var client = PageClient.For(app);
        await client.GetAsync("/Account/SignIn");

        var response = await client.PostFormAsync("/Account/SignIn?returnUrl=https%3A%2F%2Fevil.example%2F",
            [new("Form.Email", signIn.Email), new("Form.Password", signIn.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.Equal("/Home", response.RedirectPath);
    }

    internal static string[] NavigationLinks(string html)
    {
        var nav = MainNavigation().Match(html);
        Assert.True(nav.Success, "The page has no main navigation.");
        return [.. NavigationHref().Matches(nav.Value).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("<nav class=\"main-nav\".*?</nav>", RegexOptions.Singleline)]
    private static partial Regex MainNavigation();

    [GeneratedRegex("<a href=\"([^\"]+)\"")]
    private static partial Regex NavigationHref();
}
