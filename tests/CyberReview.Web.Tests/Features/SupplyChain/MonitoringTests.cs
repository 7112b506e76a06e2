using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;
using static CyberReview.Web.Tests.Features.SupplyChain.SupplyChainSetup;

namespace CyberReview.Web.Tests.Features.SupplyChain;

public sealed class MonitoringTests(Apps apps)
{
    private static string SbomsOf(SupplyChainProvider provider) => $"/api/v1/products/{provider.ProductId}/versions/{provider.VersionId}/sboms";

    // Only this test's advisories (by their tag): other tests publish products with the same packages and import their own.
    private static async Task<JsonElement[]> AlertsAsync(HttpClient office, Guid productId, string tag)
    {
        var response = await office.GetAsync($"/api/v1/monitoring/alerts?productId={productId}&pageSize=100");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("advisoryId").GetString()!.Contains(tag, StringComparison.Ordinal))];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_import_alerts_the_office_once_for_a_published_product_newly_affected_at_or_above_the_threshold(Database engine)
    {
        var app = await apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Published with an npm SBOM; published with an SBOM of other packages; and the npm SBOM on a version with no result.
        var published = await ProviderAsync(apps, engine);
        var unaffected = await ProviderAsync(apps, engine);
        var unpublished = await ProviderAsync(apps, engine);
        await AttachedAsync(published.Api, SbomsOf(published), NpmSbom);
        await AttachedAsync(unaffected.Api, SbomsOf(unaffected), SpdxSbom);
        await AttachedAsync(unpublished.Api, SbomsOf(unpublished), NpmSbom);
        await DrainAsync(app);
        await PublishedAsync(apps, engine, published);
        await PublishedAsync(apps, engine, unaffected);

        await ImportAsync(apps, engine,
            Osv($"CRT-{tag}-AGENT", "agent-base", "4.0.0", "4.3.1", HighCvss, alias: $"CVE-2098-{tag}"),
            Osv($"CRT-{tag}-GLOB", "glob", "7.0.0", "7.2.0", MediumCvss));
        await DrainAsync(app);

        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var alert = Assert.Single(await AlertsAsync(office.Http, published.ProductId, tag));
        Assert.Equal($"CRT-{tag}-AGENT", alert.GetProperty("advisoryId").GetString());
        Assert.Equal($"CVE-2098-{tag}", alert.GetProperty("aliases").GetString());
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Equal(["pkg:npm/agent-base@4.3.0"], alert.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(published.VersionId, alert.GetProperty("productVersionId").GetGuid());
        Assert.Equal("4.3.1", alert.GetProperty("fixedVersions").GetString());
        // glob (Medium) is below the default threshold; the others have no result in force or no such package.
        Assert.Empty(await AlertsAsync(office.Http, unaffected.ProductId, tag));
        Assert.Empty(await AlertsAsync(office.Http, unpublished.ProductId, tag));

        // A later version of the same advisory, and the same import again: no second alert.
        await ImportAsync(apps, engine, Osv($"CRT-{tag}-AGENT", "agent-base", "4.0.0", "4.3.2", CriticalCvss, modified: "2026-02-01T00:00:00Z", alias: $"CVE-2098-{tag}"));
        await DrainAsync(app);
        var upload = await ImportAsync(apps, engine, Osv($"CRT-{tag}-AGENT", "agent-base", "4.0.0", "4.3.2", CriticalCvss, modified: "2026-02-01T00:00:00Z", alias: $"CVE-2098-{tag}"));
        Assert.Equal(1, upload.GetProperty("unchanged").GetInt32());
        await DrainAsync(app);
        Assert.Single(await AlertsAsync(office.Http, published.ProductId, tag));

        // Acknowledged with a note, once.
        var path = $"/api/v1/monitoring/alerts/{alert.GetProperty("id").GetGuid()}/acknowledge";
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.PostAsJsonAsync(path, new { note = "" })).StatusCode);
        var acknowledged = await office.Http.PostAsJsonAsync(path, new { note = "Provider asked for an update plan within 10 working days." });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var after = Assert.Single(await AlertsAsync(office.Http, published.ProductId, tag));
        Assert.Equal("Provider asked for an update plan within 10 working days.", after.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await office.Http.PostAsJsonAsync(path, new { note = "Again." })).StatusCode);

        // Monitoring is the office's: the provider neither reads alerts nor imports advisories.
        Assert.Equal(HttpStatusCode.Forbidden, (await published.Api.GetAsync("/api/v1/monitoring/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await published.Api.PostAsJsonAsync("/api/v1/monitoring/advisories", Array.Empty<object>())).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_upload_that_is_not_OSV_is_refused_and_invalid_records_are_counted(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var notJson = new StringContent("not json", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.PostAsync("/api/v1/monitoring/advisories", notJson)).StatusCode);
        var response = await office.Http.PostAsJsonAsync("/api/v1/monitoring/advisories", new object[] { new { id = "NO-MODIFIED" } });
        var upload = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 1, 0), (upload.GetProperty("read").GetInt32(), upload.GetProperty("refused").GetInt32(), upload.GetProperty("added").GetInt32()));
    }
}
