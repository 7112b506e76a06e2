namespace CyberReview.Web.BrowserTests.Harness;

/// <summary>
/// The browser is Debian's Chromium, never one that Playwright downloads: the machines reach Debian's
/// packages but not the browser builds Playwright would fetch.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

    /// <summary>Skips the calling test when Chromium is missing, or fails it on CI, where the browser tests must run.</summary>
    public static void RequireInstalled()
    {
        if (File.Exists(ExecutablePath))
            return;
        const string Missing = $"{ExecutablePath} is missing: install Debian's package `chromium` (apt-get install chromium) to run the browser tests.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(Missing);
        Assert.Skip(Missing);
    }
}
