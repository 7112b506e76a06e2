using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Account;

public sealed class TokenTests(LiveApp live) : BrowserTest(live)
{
    [Fact]
    public async Task A_token_made_on_the_page_is_shown_once_opens_the_api_and_stops_when_revoked()
    {
        await SignInPage.AsAsync(Session, Role.Provider);
        await new Layout(Page).NavigationLink("API tokens").ClickAsync();
        var tokens = new TokensPage(Page);
        var name = "build server " + Guid.NewGuid().ToString("N")[..6];

        var token = await tokens.CreateAsync(name);

        await Expect(tokens.Row(name)).ToContainTextAsync("Active");
        await using var api = await Session.ApiClientAsync(token);
        var me = await api.GetAsync("/api/v1/me");
        await Expect(me).ToBeOKAsync();
        Assert.Equal(App.SignInFor(Role.Provider).Email, (await me.JsonAsync())?.GetProperty("email").GetString());

        await tokens.GotoAsync();
        await Expect(tokens.Row(name)).ToBeVisibleAsync();
        await Expect(tokens.NewToken).ToHaveCountAsync(0);
        Assert.DoesNotContain(token, await Page.ContentAsync(), StringComparison.Ordinal);

        await tokens.RevokeAsync(name);

        Assert.Equal(401, (await api.GetAsync("/api/v1/me")).Status);
    }
}
