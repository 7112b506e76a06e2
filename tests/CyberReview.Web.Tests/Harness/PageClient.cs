using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Harness;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, and posts forms with their anti-forgery token.</summary>
public sealed partial class PageClient(HttpClient http, CyberReviewApp? app = null)
{
    public HttpClient Http { get; } = http;
    private string? _antiforgeryToken;

    /// <summary>The anti-forgery token of the last page read, for tests that build their own form posts.</summary>
    public string? AntiforgeryToken => _antiforgeryToken;

    public static PageClient For(CyberReviewApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), app);

    public sealed record Page(HttpStatusCode Status, string Html, Uri? Location, HttpResponseMessage Response)
    {
        /// <summary>Where a redirect points, as a path and query, whether the header was absolute or not.</summary>
        public string? RedirectPath => Location switch
        {
            null => null,
            { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
            var relative => relative.OriginalString,
        };
    }

    public async Task<Page> GetAsync(string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await SendAsync(request);
    }

    /// <summary>Posts a form the way the page at <paramref name="formPage"/> would, anti-forgery token included.</summary>
    public async Task<Page> PostFormAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        if (_antiforgeryToken is null || formPage is not null)
            await GetAsync(formPage ?? action);
        var all = fields.ToList();
        if (_antiforgeryToken is not null)
            all.Add(new("__RequestVerificationToken", _antiforgeryToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(all) };
        return await SendAsync(request);
    }

    /// <summary>
    /// Posts a multipart form with one file, as the page at <paramref name="formPage"/> would: the anti-forgery token
    /// and the fields first, the file last.
    /// </summary>
    public async Task<Page> PostFileAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string formPage)
    {
        await GetAsync(formPage);
        using var form = new MultipartFormDataContent();
        if (_antiforgeryToken is not null)
            form.Add(new StringContent(_antiforgeryToken), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
        return await SendAsync(request);
    }

    /// <summary>
    /// Signs in the way a person with an authenticator app would: the password, then, where the user's roles need it,
    /// the code (setting the app up first if the user has none, then signing in again). The answer is the last step's:
    /// a redirect to where the sign-in leads, or the refusal.
    /// </summary>
    public async Task<Page> SignInAsync(string email, string password)
    {
        var signIn = await PasswordStepAsync(email, password);
        if (app is null || signIn.Status != HttpStatusCode.Redirect || signIn.RedirectPath?.StartsWith("/Account/SecondFactor", StringComparison.Ordinal) != true)
            return signIn;
        var step = await GetAsync(signIn.RedirectPath);
        if (step.Status == HttpStatusCode.Redirect && step.RedirectPath?.StartsWith("/Account/Authenticator", StringComparison.Ordinal) == true)
        {
            await GetAsync(step.RedirectPath);
            var enrolled = await PostFormAsync("/Account/Authenticator?handler=Confirm", [new("Code", await AuthenticatorApp.NextCodeAsync(await AuthenticatorKeyAsync(app, email)))]);
            Assert.Equal(HttpStatusCode.OK, enrolled.Status);
            await PostFormAsync("/Account/SignOut", [], formPage: "/Home");
            signIn = await PasswordStepAsync(email, password);
            Assert.StartsWith("/Account/SecondFactor", signIn.RedirectPath);
        }
        return await SecondFactorStepAsync(signIn.RedirectPath!, await AuthenticatorApp.NextCodeAsync(await AuthenticatorKeyAsync(app, email)));
    }

    /// <summary>The first step alone: e-mail address and password.</summary>
    public Task<Page> PasswordStepAsync(string email, string password) =>
        PostFormAsync("/Account/SignIn", [new("Form.Email", email), new("Form.Password", password)], formPage: "/Account/SignIn");

    /// <summary>The second step alone, with an authenticator code, posted to the address the password step redirected to.</summary>
    public Task<Page> SecondFactorStepAsync(string secondFactorPath, string code) =>
        PostFormAsync(secondFactorPath, [new("Code", code)], formPage: secondFactorPath);

    /// <summary>The user's authenticator key as the database holds it (what the app on their phone was given).</summary>
    public static async Task<string> AuthenticatorKeyAsync(CyberReviewApp app, string email)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CyberReview.Data.Identity.User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
    }

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        var response = await Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (AntiforgeryField().Match(html) is { Success: true } match)
            _antiforgeryToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        return new Page(response.StatusCode, html, response.Headers.Location, response);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
