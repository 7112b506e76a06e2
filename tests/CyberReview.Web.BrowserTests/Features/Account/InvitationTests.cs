using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Administration;
using CyberReview.Web.BrowserTests.Shared;
using HttpSignInTests = CyberReview.Web.Tests.Features.Account.SignInTests;

namespace CyberReview.Web.BrowserTests.Features.Account;

public sealed class InvitationTests(LiveApp live) : BrowserTest(live)
{
    [Fact]
    public async Task An_invited_person_opens_the_link_sets_a_password_and_lands_on_the_role_home()
    {
        await SignInPage.AsAsync(Session, Role.Administrator);
        await new Layout(Page).NavigationLink("Users").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Invite a user", Exact = true }).ClickAsync();
        var email = $"evaluator-{Guid.NewGuid():N}@example.org";

        var link = await new InviteUserPage(Page).InviteAsync(email, "Sun Hua (Laboratory)", "National Network Product Testing Laboratory", "Evaluator");

        Assert.Equal(Session.Address.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        var invitee = await NewSessionAsync();
        var invitation = await new InvitationPage(invitee.Page).GotoAsync(link);
        await Expect(invitee.Page.GetByText(email)).ToBeVisibleAsync();
        var password = "river lantern quiet " + Guid.NewGuid().ToString("N")[..6];
        var signIn = await invitation.SetPasswordAsync(password);
        var home = await signIn.SignInAsync(email, password);
        await Expect(home.Welcome).ToHaveTextAsync("Welcome, Sun Hua (Laboratory)");
        await Expect(home.RoleSection(Role.Evaluator)).ToBeVisibleAsync();
        Assert.Equal(HttpSignInTests.ExpectedNavigation[Role.Evaluator], await new Layout(invitee.Page).NavigationPathsAsync());
    }
}
