using CyberReview.Reviews.Access;

namespace CyberReview.Web.Tests.Shared;

public sealed class SecurityHeadersTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Every_response_carries_the_security_headers(Database engine)
    {
        var anonymous = PageClient.For(await apps.For(engine));
        var office = await apps.SignedIn(engine, Role.Office);

        foreach (var page in new[] { await anonymous.GetAsync("/"), await anonymous.GetAsync("/api/v1/me"), await office.GetAsync("/Home"), await anonymous.GetAsync("/missing") })
        {
            var headers = page.Response.Headers;
            var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_session_cookie_is_http_only_and_same_site(Database engine)
    {
        var app = await apps.For(engine);
        var signIn = app.SignInFor(Role.Evaluator);

        var response = await PageClient.For(app).SignInAsync(signIn.Email, signIn.Password);

        var session = Assert.Single(response.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cyberreview.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }
}
