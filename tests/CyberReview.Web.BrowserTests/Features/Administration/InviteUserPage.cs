using System.Text.RegularExpressions;

namespace CyberReview.Web.BrowserTests.Features.Administration;

/// <summary>/Administration/InviteUser: the administrator's form for a new account, answered with a one-time link.</summary>
public sealed class InviteUserPage(IPage page)
{
    public const string Path = "/Administration/InviteUser";

    public ILocator Email => page.GetByLabel("E-mail address", new() { Exact = true });
    public ILocator FullName => page.GetByLabel("Full name", new() { Exact = true });
    public ILocator Organisation => page.GetByLabel("Organisation", new() { Exact = true });
    public ILocator Roles => page.GetByRole(AriaRole.Group, new() { Name = "Roles", Exact = true });
    public ILocator Invite => page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true });
    public ILocator InvitationLink => page.GetByLabel("Invitation link", new() { Exact = true });

    public async Task<InviteUserPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Fills and sends the form; returns the invitation link the page shows.</summary>
    public async Task<Uri> InviteAsync(string email, string fullName, string organisation, string role)
    {
        await Email.FillAsync(email);
        await FullName.FillAsync(fullName);
        // Options read "name (kind)": choose by the organisation's name.
        var option = Organisation.Locator("option").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(organisation)} \\(") });
        await Organisation.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await Roles.GetByRole(AriaRole.Checkbox, new() { Name = role, Exact = true }).CheckAsync();
        await Invite.ClickAsync();
        await Expect(InvitationLink).ToHaveValueAsync(new Regex("/Account/Invitation\\?"));
        return new Uri(await InvitationLink.InputValueAsync());
    }
}
