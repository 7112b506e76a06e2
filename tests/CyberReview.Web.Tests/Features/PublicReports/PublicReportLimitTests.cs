using System.Net;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.PublicReports.PublicReports;

namespace CyberReview.Web.Tests.Features.PublicReports;

/// <summary>Apps of their own, with small limits: the shared apps let every test report as much as it needs.</summary>
public sealed class LimitedApps : IAsyncDisposable
{
    private readonly Dictionary<Database, Task<CyberReviewApp>> _apps = [];

    public Task<CyberReviewApp> For(Database engine)
    {
        lock (_apps)
        {
            if (!_apps.TryGetValue(engine, out var app))
                _apps[engine] = app = CyberReviewApp.StartAsync(engine, new Dictionary<string, string?>
                {
                    ["PublicReports:PerAddressPerHour"] = "4",
                    ["PublicReports:FileLimitKilobytes"] = "16",
                });
            return app;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsCompletedSuccessfully))
            await (await app).DisposeAsync();
    }
}

public sealed class PublicReportLimitTests(LimitedApps limited) : IClassFixture<LimitedApps>
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_oversize_file_gets_413_and_a_flood_gets_429_with_a_readable_page_and_nothing_is_kept(Database engine)
    {
        var app = await limited.For(engine);
        using var client = Anonymous(app);
        var oversize = Pdf.Concat(new byte[20 * 1024]).ToArray();

        // Over the file limit, through the API and the page: refused and not kept (each attempt counts towards the flood limit).
        var api = await client.PostAsync("/api/v1/public-reports", Form("Too big", file: oversize));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Contains("16 KB", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var visitor = PageClient.For(app);
        var page = await visitor.PostFileAsync("/PublicReports/New", [new("concern", "Too big"), new("productText", "Acme")], "file", "big.pdf", oversize, "/PublicReports/New");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains("16 KB", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.PublicReports.CountAsync(r => r.Concern == "Too big")));

        await SentAsync(client, Form("Within the limits", file: Pdf));
        await SentAsync(client, Form("Within the limits"));
        var kept = await app.WithDbAsync(db => db.PublicReports.CountAsync());

        var flooded = await client.PostAsync("/api/v1/public-reports", Form("One too many"));
        Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        Assert.True(flooded.Headers.RetryAfter?.Delta > TimeSpan.Zero, "No Retry-After.");
        var floodedPage = await visitor.PostFileAsync("/PublicReports/New", [new("concern", "One too many"), new("productText", "Acme")], "file", "small.pdf", Pdf, "/PublicReports/New");
        Assert.Equal(HttpStatusCode.TooManyRequests, floodedPage.Status);
        Assert.True(floodedPage.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many reports from your address", floodedPage.Html, StringComparison.Ordinal);
        Assert.Equal(kept, await app.WithDbAsync(db => db.PublicReports.CountAsync()));
    }
}
