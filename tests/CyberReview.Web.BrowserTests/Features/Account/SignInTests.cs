using System.Text.RegularExpressions;
using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Home;
using CyberReview.Web.BrowserTests.Shared;
using HttpSignInTests = CyberReview.Web.Tests.Features.Account.SignInTests;

namespace CyberReview.Web.BrowserTests.Features.Account;

public sealed class SignInTests(LiveApp live) : BrowserTest(live)
{
    public static TheoryData<Role> EveryRole() => [.. Enum.GetValues<Role>()];

    [Theory, MemberData(nameof(EveryRole))]
    public async Task Each_role_signs_in_lands_on_its_home_sees_only_its_navigation_and_signs_out(Role role)
    {
        var home = await SignInPage.AsAsync(Session, role);
        var layout = new Layout(Page);

        await Expect(home.Welcome).ToHaveTextAsync(new Regex(@"^Welcome, \S"));
        await Expect(home.RoleSection(role)).ToBeVisibleAsync();
        Assert.Equal(HttpSignInTests.ExpectedNavigation[role], await layout.NavigationPathsAsync());
        await Expect(layout.NavigationLink("Home")).ToHaveAttributeAsync("aria-current", "page");

        await layout.SignOutAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Session.Address, "/").ToString());
        Assert.Equal(["/", "/Registry", "/Procurement/Check", "/PublicReports/New", "/api-reference"], await layout.NavigationPathsAsync());
        await Expect(layout.SignOutButton()).ToHaveCountAsync(0);
    }
}
