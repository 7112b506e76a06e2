namespace CyberReview.Web.BrowserTests.Features.Account;

/// <summary>/Account/Invitation: where an invited person chooses a password.</summary>
public sealed class InvitationPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Accept your invitation", Exact = true });
    public ILocator Password => page.GetByLabel("New password", new() { Exact = true });
    public ILocator Confirmation => page.GetByLabel("Repeat the password", new() { Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Set password", Exact = true });

    public async Task<InvitationPage> GotoAsync(Uri link)
    {
        await page.GotoAsync(link.ToString());
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Sets the password; the sign-in page follows, saying the account is ready.</summary>
    public async Task<SignInPage> SetPasswordAsync(string password)
    {
        await Password.FillAsync(password);
        await Confirmation.FillAsync(password);
        await Submit.ClickAsync();
        var signIn = new SignInPage(page);
        await Expect(signIn.Notice).ToContainTextAsync("Your account is ready.");
        return signIn;
    }
}
