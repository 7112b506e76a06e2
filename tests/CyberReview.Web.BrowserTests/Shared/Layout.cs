namespace CyberReview.Web.BrowserTests.Shared;

/// <summary>What every page shows around its content: the header with the language switch and the account, and the main navigation.</summary>
public sealed class Layout(IPage page)
{
    public ILocator Header => page.GetByRole(AriaRole.Banner);

    /// <summary>The one navigation landmark; its accessible name is in the page's language.</summary>
    public ILocator MainNavigation => page.GetByRole(AriaRole.Navigation);

    public ILocator NavigationLinks => MainNavigation.GetByRole(AriaRole.Link);

    public ILocator NavigationLink(string text) => MainNavigation.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });

    /// <summary>The language buttons are labelled in their own language, whatever the page's.</summary>
    public ILocator LanguageButton(string language) => Header.GetByRole(AriaRole.Button, new() { Name = language, Exact = true });

    public ILocator SignInLink => Header.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator SignOutButton(string text = "Sign out") => Header.GetByRole(AriaRole.Button, new() { Name = text, Exact = true });

    public ILocator SkipLink => page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content", Exact = true });

    public ILocator Html => page.Locator("html");

    /// <summary>The paths the main navigation links to, in order.</summary>
    public Task<string[]> NavigationPathsAsync() =>
        NavigationLinks.EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))");

    public async Task SwitchLanguageAsync(string language)
    {
        await LanguageButton(language).ClickAsync();
        await Expect(LanguageButton(language)).ToHaveAttributeAsync("aria-pressed", "true");
    }

    public async Task SignOutAsync()
    {
        await SignOutButton().ClickAsync();
        await Expect(SignInLink).ToBeVisibleAsync();
    }
}
