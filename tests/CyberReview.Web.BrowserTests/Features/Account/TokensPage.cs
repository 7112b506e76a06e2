using System.Text.RegularExpressions;

namespace CyberReview.Web.BrowserTests.Features.Account;

/// <summary>/Account/Tokens: create a personal access token (shown once), list and revoke them.</summary>
public sealed class TokensPage(IPage page)
{
    public const string Path = "/Account/Tokens";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "API tokens", Exact = true });
    public ILocator Purpose => page.GetByLabel("What the token is for", new() { Exact = true });
    public ILocator Lifetime => page.GetByLabel("Valid for", new() { Exact = true });
    public ILocator Create => page.GetByRole(AriaRole.Button, new() { Name = "Create token", Exact = true });

    /// <summary>The read-only field that shows a new token, on the response to creating it only.</summary>
    public ILocator NewToken => page.GetByRole(AriaRole.Textbox, new() { Name = "Your new token", Exact = true });

    public ILocator Row(string name) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });

    public ILocator RevokeButton(string name) => page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}", Exact = true });

    public async Task<TokensPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    /// <summary>Creates a token and reads it off the page, the only time it is shown.</summary>
    public async Task<string> CreateAsync(string name, string lifetime = "30 days")
    {
        await Purpose.FillAsync(name);
        await Lifetime.SelectOptionAsync(new SelectOptionValue { Label = lifetime });
        await Create.ClickAsync();
        await Expect(NewToken).ToHaveValueAsync(new Regex("^crv_"));
        return await NewToken.InputValueAsync();
    }

    public async Task RevokeAsync(string name)
    {
        await RevokeButton(name).ClickAsync();
        await Expect(Row(name)).ToContainTextAsync("Revoked");
    }
}
