using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;

namespace CyberReview.Web.BrowserTests.Shared;

public sealed class LocalizationTests(LiveApp live) : BrowserTest(live)
{
    // The office's navigation in both languages (Text.resx and Text.zh-CN.resx).
    private static readonly (string English, string Chinese)[] Navigation =
        [("Home", "首页"), ("Expert pool", "专家库"), ("Products", "产品"), ("Registry", "审查结果名录"), ("Organisations", "机构"), ("API tokens", "API 令牌"), ("API reference", "API 参考")];

    [Fact]
    public async Task The_language_buttons_switch_to_simplified_chinese_for_every_page_until_switched_back()
    {
        var home = await SignInPage.AsAsync(Session, Role.Office);
        var layout = new Layout(Page);
        await Expect(layout.Html).ToHaveAttributeAsync("lang", "en");

        await layout.SwitchLanguageAsync("简体中文");

        await Expect(Page).ToHaveURLAsync(new Regex("/Home$"));
        await Expect(layout.Html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(layout.LanguageButton("English")).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(layout.MainNavigation).ToHaveAccessibleNameAsync("主导航");
        foreach (var (english, chinese) in Navigation)
        {
            await Expect(layout.NavigationLink(chinese)).ToBeVisibleAsync();
            await Expect(layout.NavigationLink(english)).ToHaveCountAsync(0);
        }
        await Expect(home.Welcome).ToHaveTextAsync(new Regex("^欢迎，"));
        await Expect(home.RoleSection("审查办公室")).ToBeVisibleAsync();
        await Expect(layout.SignOutButton("退出登录")).ToBeVisibleAsync();

        await layout.NavigationLink("API 令牌").ClickAsync();
        await Expect(Page).ToHaveTitleAsync("API 令牌 · 网络安全审查");
        await ExpectChineseTokensPageAsync(layout);

        await Page.ReloadAsync();
        await ExpectChineseTokensPageAsync(layout);

        await layout.SwitchLanguageAsync("English");

        await Expect(Page).ToHaveURLAsync(new Regex($"{TokensPage.Path}$"));
        await Expect(layout.Html).ToHaveAttributeAsync("lang", "en");
        await Expect(new TokensPage(Page).Heading).ToBeVisibleAsync();
        foreach (var (english, chinese) in Navigation)
        {
            await Expect(layout.NavigationLink(english)).ToBeVisibleAsync();
            await Expect(layout.NavigationLink(chinese)).ToHaveCountAsync(0);
        }
        await Expect(layout.SignOutButton()).ToBeVisibleAsync();
    }

    private async Task ExpectChineseTokensPageAsync(Layout layout)
    {
        await Expect(layout.Html).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("API 令牌");
        await Expect(Page.GetByLabel("令牌用途", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "创建令牌", Exact = true })).ToBeVisibleAsync();
        await Expect(layout.NavigationLink("API 令牌")).ToHaveAttributeAsync("aria-current", "page");
    }
}
