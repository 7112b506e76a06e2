using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CyberReview.Web.BrowserTests.Features.Home;

namespace CyberReview.Web.BrowserTests.Features.Account;

/// <summary>/Account/SignIn: e-mail address and password, by their labels.</summary>
public sealed class SignInPage(IPage page)
{
    public const string Path = "/Account/SignIn";

    public ILocator Email => page.GetByLabel("E-mail address", new() { Exact = true });
    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true });
    public ILocator Notice => page.GetByRole(AriaRole.Status);

    public async Task<SignInPage> GotoAsync()
    {
        await page.GotoAsync(Path);
        return this;
    }

    // Authenticator keys as a phone would hold them: the demo's, and those of users this run set up.
    private static readonly ConcurrentDictionary<string, string> AuthenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    public ILocator Code => page.GetByLabel("Code from your authenticator app", new() { Exact = true });

    /// <summary>
    /// Signs in through the form and waits for the home page it lands on: with the second step where the user's roles
    /// need it, setting the authenticator app up first (reading the key off the page) if the user has none yet.
    /// </summary>
    public async Task<HomePage> SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/(Home|Account/SecondFactor|Account/Authenticator)"));
        if (page.Url.Contains("/Account/Authenticator", StringComparison.Ordinal))
        {
            var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            AuthenticatorKeys[email] = key;
            await Code.FillAsync(await AuthenticatorApp.NextCodeAsync(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and turn on", Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("recovery-codes")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue", Exact = true }).ClickAsync();
        }
        else if (page.Url.Contains("/Account/SecondFactor", StringComparison.Ordinal))
        {
            // Tests running side by side sign the same demo user in at once; a code that loses that race is refused,
            // and the person (here the test) types the next one.
            for (var attempt = 0; attempt < 3 && page.Url.Contains("/Account/SecondFactor", StringComparison.Ordinal); attempt++)
            {
                await Code.FillAsync(await AuthenticatorApp.NextCodeAsync(AuthenticatorKeys[email]));
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
                await page.WaitForLoadStateAsync();
            }
        }
        await Expect(page).ToHaveURLAsync(new Uri(new Uri(page.Url), HomePage.Path).ToString());
        return new HomePage(page);
    }

    /// <summary>Opens the form and signs in as the demo user of <paramref name="role"/>.</summary>
    public static async Task<HomePage> AsAsync(BrowserSession session, CyberReview.Reviews.Access.Role role)
    {
        var signIn = session.App.SignInFor(role);
        if (signIn.AuthenticatorKey is { } key)
            AuthenticatorKeys.TryAdd(signIn.Email, key);
        return await (await new SignInPage(session.Page).GotoAsync()).SignInAsync(signIn.Email, signIn.Password);
    }
}
