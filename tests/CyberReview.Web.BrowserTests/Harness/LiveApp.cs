[assembly: AssemblyFixture(typeof(CyberReview.Web.BrowserTests.Harness.LiveApp))]

namespace CyberReview.Web.BrowserTests.Harness;

/// <summary>
/// CyberReview on SQLite, listening on a loopback port, and one headless Chromium, shared by every test in
/// the assembly. Both start with the first session, so that without Chromium nothing starts at all.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    private readonly Lazy<Task<Running>> _running = new(StartAsync);

    private sealed record Running(CyberReviewApp App, Uri Address, IPlaywright Playwright, IBrowser Browser);

    /// <summary>A fresh browser context (no cookies, no storage) with one page, recording what its pages do.</summary>
    public async Task<BrowserSession> NewSessionAsync()
    {
        DebianChromium.RequireInstalled();
        var running = await _running.Value;
        return await BrowserSession.OpenAsync(running.App, running.Address, running.Playwright, running.Browser);
    }

    private static async Task<Running> StartAsync()
    {
        var app = await CyberReviewApp.StartAsync(Database.Sqlite, new Dictionary<string, string?>
        {
            // Every test signs in through the form; the demo accounts must not run into the per-account limit.
            ["SignIn:AttemptsPerAccount"] = "100000",
        }, listen: true);
        // Listening, the factory points its base address at the port Kestrel bound (http://127.0.0.1:port/).
        var address = app.ClientOptions.BaseAddress;
        IPlaywright? playwright = null;
        try
        {
            playwright = await Microsoft.Playwright.Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(DebianChromium.LaunchOptions);
            return new Running(app, address, playwright, browser);
        }
        catch
        {
            // Nothing would dispose them: the fixture only disposes what started.
            playwright?.Dispose();
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsValueCreated || !_running.Value.IsCompletedSuccessfully)
            return;
        var running = await _running.Value;
        await running.Browser.DisposeAsync();
        running.Playwright.Dispose();
        await running.App.DisposeAsync();
    }
}
