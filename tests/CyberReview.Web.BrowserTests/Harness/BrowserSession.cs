using System.Collections.Concurrent;

namespace CyberReview.Web.BrowserTests.Harness;

/// <summary>
/// One browser context on the live app (its own cookies and storage) with one page, and a record of every
/// console error (a Content-Security-Policy refusal is one) and every request that left the app's origin.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _foreignRequests = new();
    private readonly IPlaywright _playwright;

    private BrowserSession(CyberReviewApp app, Uri address, IPlaywright playwright, IBrowserContext context)
    {
        App = app;
        Address = address;
        _playwright = playwright;
        Context = context;
    }

    public CyberReviewApp App { get; }

    /// <summary>The app's origin, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    public IBrowserContext Context { get; }
    public IPage Page { get; private set; } = null!;

    internal static async Task<BrowserSession> OpenAsync(CyberReviewApp app, Uri address, IPlaywright playwright, IBrowser browser)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            // The app answers in the browser's language; pinned, so that the machine's locale changes nothing.
            Locale = "en-GB",
        });
        var session = new BrowserSession(app, address, playwright, context);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsFaviconProbe(message) && !IsRefusedRacingCode(message))
                session._consoleErrors.Enqueue($"{message.Page?.Url}: {message.Text} ({message.Location})");
        };
        context.WebError += (_, error) => session._consoleErrors.Enqueue($"{error.Page?.Url}: uncaught {error.Error}");
        context.Request += (_, request) =>
        {
            if (!session.IsOwnOrigin(new Uri(request.Url)))
                session._foreignRequests.Enqueue($"{request.Method} {request.Url} (from {request.Frame.Url})");
        };
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>An API client that presents <paramref name="token"/> and nothing of the browser's (no cookies).</summary>
    public Task<IAPIRequestContext> ApiClientAsync(string token) => _playwright.APIRequest.NewContextAsync(new()
    {
        BaseURL = Address.ToString(),
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
    });

    /// <summary>What went wrong in this session: requests that left the app's origin, and errors that pages logged.</summary>
    public IEnumerable<string> Trouble() =>
        _foreignRequests.Select(request => $"request to another origin: {request}")
            .Concat(_consoleErrors.Select(error => $"console error: {error}"));

    // Chromium asks each new origin for /favicon.ico by itself; the app has none, and the 404 is no page's doing.
    private static bool IsFaviconProbe(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) &&
        message.Location.Contains("/favicon.ico", StringComparison.Ordinal);

    // Tests side by side sign the same demo user in within one 30-second step; each code works once, so the loser's is
    // refused (400) and SignInPage types the next one. Its sign-in still has to reach the home page, or the test fails there.
    private static bool IsRefusedRacingCode(IConsoleMessage message) =>
        message.Text.StartsWith("Failed to load resource: the server responded with a status of 400", StringComparison.Ordinal) &&
        message.Location.Contains("/Account/SecondFactor", StringComparison.Ordinal);

    // data: and blob: URLs are made inside the page and go nowhere.
    private bool IsOwnOrigin(Uri url) =>
        url.Scheme is "data" or "blob" ||
        (url.Scheme == Address.Scheme && url.Host == Address.Host && url.Port == Address.Port);

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
