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

    /// <summary>Signs in through the form and waits for the home page it lands on.</summary>
    public async Task<HomePage> SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(new Uri(page.Url), HomePage.Path).ToString());
        return new HomePage(page);
    }

    /// <summary>Opens the form and signs in as the demo user of <paramref name="role"/>.</summary>
    public static async Task<HomePage> AsAsync(BrowserSession session, CyberReview.Reviews.Access.Role role)
    {
        var signIn = session.App.SignInFor(role);
        return await (await new SignInPage(session.Page).GotoAsync()).SignInAsync(signIn.Email, signIn.Password);
    }
}
