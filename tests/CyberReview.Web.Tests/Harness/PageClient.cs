using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CyberReview.Web.Tests.Harness;

/// <summary>A browser-like client: keeps cookies, does not follow redirects, and posts forms with their anti-forgery token.</summary>
public sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;
    private string? _antiforgeryToken;

    /// <summary>The anti-forgery token of the last page read, for tests that build their own form posts.</summary>
    public string? AntiforgeryToken => _antiforgeryToken;

    public static PageClient For(CyberReviewApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

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

    public Task<Page> SignInAsync(string email, string password) =>
        PostFormAsync("/Account/SignIn", [new("Form.Email", email), new("Form.Password", password)], formPage: "/Account/SignIn");

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
