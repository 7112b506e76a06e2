using System.Text.RegularExpressions;
using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Registry;

public sealed class RegistryTests(LiveApp live) : BrowserTest(live)
{
    [Fact]
    public async Task A_visitor_opens_the_registry_from_the_navigation_and_filters_it_without_signing_in()
    {
        await Page.GotoAsync("/");
        var layout = new Layout(Page);

        await layout.NavigationLink("Registry").ClickAsync();

        var registry = new RegistryPage(Page);
        await Expect(Page).ToHaveURLAsync(new Regex("/Registry$"));
        await Expect(registry.Heading).ToHaveTextAsync("Registry of review results");
        await Expect(layout.NavigationLink("Registry")).ToHaveAttributeAsync("aria-current", "page");
        await registry.Search.FillAsync("no such product");
        await registry.Outcome.SelectOptionAsync("Fail");
        await registry.Filter.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("search=no(\\+|%20)such(\\+|%20)product&outcome=Fail"));
        await Expect(registry.Count).ToHaveTextAsync("0 results");
        await Expect(layout.SignInLink).ToBeVisibleAsync();
    }
}
