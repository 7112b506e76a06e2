using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;
using CyberReview.Web.BrowserTests.Features.Administration;
using CyberReview.Web.BrowserTests.Features.Home;

namespace CyberReview.Web.BrowserTests.Shared;

public sealed class AccessibilityTests(LiveApp live) : BrowserTest(live)
{
    private static readonly Regex NotBlank = new(@"\S");

    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content()
    {
        await SignInPage.AsAsync(Session, Role.Office);
        await new HomePage(Page).GotoAsync();
        var layout = new Layout(Page);

        await Page.Keyboard.PressAsync("Tab");

        await Expect(layout.SkipLink).ToBeFocusedAsync();
        await Expect(layout.SkipLink).ToBeInViewportAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }

    public static TheoryData<string> Visitors() => ["anonymous", nameof(Role.Administrator), nameof(Role.Office), nameof(Role.Provider)];

    [Theory, MemberData(nameof(Visitors))]
    public async Task Every_page_in_the_navigation_has_one_h1_and_only_named_fields_buttons_and_links(string visitor)
    {
        var layout = new Layout(Page);
        var role = Enum.TryParse<Role>(visitor, out var parsed) ? parsed : (Role?)null;
        if (role is { } signedIn)
            await SignInPage.AsAsync(Session, signedIn);
        else
            await Page.GotoAsync("/");
        // The API reference is Scalar's page, not ours: ApiReferenceTests looks at it.
        var pages = (await layout.NavigationPathsAsync()).Where(path => path != ApiReferencePage.Path).ToList();
        if (role is null)
            pages.Add(SignInPage.Path);
        if (role == Role.Administrator)
        {
            pages.Add(InviteUserPage.Path);
            await Page.GotoAsync("/Administration/Users");
            pages.Add(await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.GetAttributeAsync("href") ?? "the first user's page");
        }

        foreach (var path in pages)
        {
            await Page.GotoAsync(path);
            await Expect(Page.Locator("h1"), path).ToHaveCountAsync(1);
            await Expect(layout.Html, path).ToHaveAttributeAsync("lang", "en");
            await ExpectEachNamedAsync(Page.Locator("input:not([type=hidden]):visible, select:visible, textarea:visible"), path);
            await ExpectEachNamedAsync(Page.GetByRole(AriaRole.Button), path);
            await ExpectEachNamedAsync(Page.GetByRole(AriaRole.Link), path);
        }
    }

    /// <summary>Each element has a non-blank accessible name, as the browser computes it for assistive technology.</summary>
    private static async Task ExpectEachNamedAsync(ILocator elements, string path)
    {
        var count = await elements.CountAsync();
        for (var i = 0; i < count; i++)
            await Expect(elements.Nth(i), $"{path}: element {i} of {elements}").ToHaveAccessibleNameAsync(NotBlank);
    }
}
