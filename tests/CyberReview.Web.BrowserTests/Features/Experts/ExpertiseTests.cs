using CyberReview.Reviews.Access;
using CyberReview.Web.BrowserTests.Features.Account;
using CyberReview.Web.BrowserTests.Shared;

namespace CyberReview.Web.BrowserTests.Features.Experts;

public sealed class ExpertiseTests(LiveApp live) : BrowserTest(live)
{
    [Fact]
    public async Task An_expert_declares_expertise_and_availability_and_the_office_finds_them_in_the_pool()
    {
        await SignInPage.AsAsync(Session, Role.Expert);
        await new Layout(Page).NavigationLink("My expertise").ClickAsync();

        await Page.GetByLabel("User information (Art. 4(3))", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Cloud service", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Unavailable", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Note on availability", new() { Exact = true }).FillAsync("At a standards meeting until Friday.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your expertise and availability are saved.");
        await Expect(Page.GetByLabel("Cloud service", new() { Exact = true })).ToBeCheckedAsync();

        var office = await NewSessionAsync();
        await SignInPage.AsAsync(office, Role.Office);
        await new Layout(office.Page).NavigationLink("Expert pool").ClickAsync();
        await office.Page.GetByLabel("Name or e-mail", new() { Exact = true }).FillAsync("expert@");
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "Filter", Exact = true }).ClickAsync();
        var row = office.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Zhang Min" });
        await Expect(row).ToContainTextAsync("User information (Art. 4(3))");
        await Expect(row).ToContainTextAsync("At a standards meeting until Friday.");
    }
}
