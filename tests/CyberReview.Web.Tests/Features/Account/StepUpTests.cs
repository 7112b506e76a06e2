using System.Net;
using System.Net.Http.Json;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CyberReview.Web.Tests.Features.Account;

/// <summary>
/// Step-up on an app of its own, with the default ten-minute window and a clock the test moves: destroying evidence
/// (one of the acts that sign, publish or destroy) needs a second factor checked within the window, on the page and on the API.
/// </summary>
public sealed class StepUpTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_old_second_factor_must_be_confirmed_again_before_destroying_evidence(Database engine)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var app = await CyberReviewApp.StartAsync(engine, new Dictionary<string, string?> { ["SignIn:StepUpMinutes"] = "10" },
            services: services => services.AddSingleton<TimeProvider>(clock));
        var office = app.SignInFor(Role.Office);
        var pages = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(office.Email, office.Password)).Status);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(pages, "step-up"));
        var caseId = await app.WithDbAsync(db => db.Cases.Select(c => c.Id).FirstAsync());
        var destruction = $"/api/v1/cases/{caseId}/retention/destruction";
        var evidencePage = $"/Evidence?id={caseId}";

        // Within the window: the act goes ahead to its own rules (this case is not closed, or not the office's: never the step-up refusal).
        var fresh = await api.PostAsJsonAsync(destruction, new { reason = "Step-up test." }, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("step-up", await fresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        var freshPage = await pages.PostFormAsync(evidencePage + "&handler=Destroy", [new("reason", "Step-up test.")], formPage: evidencePage);
        Assert.False(freshPage.RedirectPath?.StartsWith("/Account/StepUp", StringComparison.Ordinal) == true, freshPage.RedirectPath);

        clock.Advance(TimeSpan.FromMinutes(11));

        var refused = await api.PostAsJsonAsync(destruction, new { reason = "Step-up test." }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-TOTP", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var key = await PageClient.AuthenticatorKeyAsync(app, office.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWithCodeAsync(api, destruction, "000000")).StatusCode);
        var code = await AuthenticatorApp.NextCodeAsync(key);
        var stepped = await PostWithCodeAsync(api, destruction, code);
        Assert.NotEqual(HttpStatusCode.Forbidden, stepped.StatusCode);
        Assert.DoesNotContain("step-up", await stepped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostWithCodeAsync(api, destruction, code)).StatusCode); // each code once

        var page = await pages.PostFormAsync(evidencePage + "&handler=Destroy", [new("reason", "Step-up test.")], formPage: evidencePage);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/Account/StepUp?returnUrl=", page.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(page.RedirectPath!)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await pages.PostFormAsync(page.RedirectPath!, [new("Code", code)])).Status); // used on the API already
        var confirmed = await pages.PostFormAsync(page.RedirectPath!, [new("Code", await AuthenticatorApp.NextCodeAsync(key))]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(evidencePage, confirmed.RedirectPath);
        var again = await pages.PostFormAsync(evidencePage + "&handler=Destroy", [new("reason", "Step-up test.")], formPage: evidencePage);
        Assert.False(again.RedirectPath?.StartsWith("/Account/StepUp", StringComparison.Ordinal) == true, again.RedirectPath);
        // Making a token is itself an act that needs a fresh second factor, since the token acts without one.
        clock.Advance(TimeSpan.FromMinutes(11));
        var token = await pages.PostFormAsync("/Account/Tokens?handler=Create", [new("Form.Name", "late"), new("Form.LifetimeDays", "30")], formPage: "/Account/Tokens");
        Assert.StartsWith("/Account/StepUp", token.RedirectPath);
    }

    private static async Task<HttpResponseMessage> PostWithCodeAsync(HttpClient api, string path, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { reason = "Step-up test." }) };
        request.Headers.Add("X-TOTP", code);
        return await api.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
