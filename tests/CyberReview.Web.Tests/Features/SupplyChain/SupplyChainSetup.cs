using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Products;
using CyberReview.Tests;
using CyberReview.Web.Features.SupplyChain;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Decisions;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.SupplyChain;

/// <summary>A provider of the test's own, with one product version, its signed-in staff, and the API as them.</summary>
internal sealed record SupplyChainProvider(string Name, Guid Id, Guid ProductId, Guid VersionId, PageClient Pages, HttpClient Api);

/// <summary>
/// What the supply-chain tests build on: a provider and product of their own (so that no other test's case gets
/// their proposals), a real SBOM from the shared data read in place, OSV advisories sent through the office's API,
/// and the worker drained instead of waited for.
/// </summary>
internal static class SupplyChainSetup
{
    /// <summary>43 npm components, no supplier named, every one licensed, no dependency graph.</summary>
    public const string NpmSbom = "cyclonedx-bom-examples/SBOM/cern-lhc-vdm-editor-e564943/bom.json";

    /// <summary>An SPDX 2.3 document of a Maven and a GitHub package, suppliers named.</summary>
    public const string SpdxSbom = "spdx-examples/presentations/OSS-NA-2023/SPDXVersion2.3/04-SBOMwSecurity.json";

    /// <summary>JSON, but no SBOM: the SPDX JSON schema itself.</summary>
    public const string NotAnSbom = "spdx-spec-examples/v2.3/schemas/spdx-schema.json";

    public static async Task<SupplyChainProvider> ProviderAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Supply Provider {tag}";
        var (providerId, productId, versionId) = await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = name, Kind = OrganisationKind.Provider, CreatedAt = now };
            var version = new ProductVersion
            {
                Id = Guid.CreateVersion7(), Version = "4.2",
                Components =
                [
                    new ProductComponent { Id = Guid.CreateVersion7(), Name = "puppeteer", Version = "1.19.0", Supplier = "Google", CountryOfOrigin = "US", Purl = "pkg:npm/puppeteer@1.19.0" },
                    new ProductComponent { Id = Guid.CreateVersion7(), Name = "ws", Version = "6.2.1", Supplier = "ws maintainers", CountryOfOrigin = "US", Purl = "pkg:npm/ws@6.2.1" },
                    new ProductComponent { Id = Guid.CreateVersion7(), Name = "minimist", Version = "0.0.8", Supplier = "substack", CountryOfOrigin = "DE", Purl = "pkg:npm/minimist@0.0.8" },
                ],
            };
            var product = new Product { Id = Guid.CreateVersion7(), ProviderId = provider.Id, Name = $"VDM Editor {tag}", Kind = ProductKind.Software, CreatedAt = now, Versions = [version] };
            db.Organisations.Add(provider);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return (provider.Id, product.Id, version.Id);
        });
        var pages = await EvaluationCases.SignedInAsync(apps, engine, Role.Provider, name);
        var api = (await CaseApi.ForAsync(app, pages)).Http;
        return new SupplyChainProvider(name, providerId, productId, versionId, pages, api);
    }

    /// <summary>A case about the provider's version, in evaluation, the laboratory holding the Evaluator part.</summary>
    public static async Task<Guid> CaseInEvaluationAsync(Apps apps, Database engine, SupplyChainProvider provider)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Supply chain of " + provider.Name,
            providerId = provider.Id,
            versionIds = new[] { provider.VersionId },
            trigger = "MarketReaction",
            justification = "Reports of vulnerable bundled libraries.",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await office.MovedAsync(id, "StartScreening");
        await office.MovedAsync(id, "ScreenRequired", "Used in the accelerator control systems: Art. 2 applies.");
        await EvaluationCases.GrantAsync(await apps.For(engine), id, CaseActor.Evaluator, EvaluationCases.Laboratory);
        return id;
    }

    /// <summary>A case about the version decided (pass) and published: a result in force.</summary>
    public static async Task PublishedAsync(Apps apps, Database engine, SupplyChainProvider provider)
    {
        var (caseId, _) = await DecisionTests.EscalatedCaseAsync(apps, engine, versions: [provider.VersionId], providerId: provider.Id);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var today = ReviewDay.Today;
        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
        {
            outcome = "Pass", versionIds = new[] { provider.VersionId }, validFrom = today, validUntil = today.AddYears(2), visibility = "Public",
            reason = "The committee weighed the panel's opinions.",
        });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        await office.MovedAsync(caseId, "Publish");
    }

    /// <summary>Uploads a shared-data file as a raw body; answers the response.</summary>
    public static async Task<HttpResponseMessage> AttachAsync(HttpClient api, string path, string relative)
    {
        var file = SharedData.Require(relative);
        await using var stream = File.OpenRead(file);
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new("application/json");
        return await api.PostAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}name={Uri.EscapeDataString(Path.GetFileName(file))}", content);
    }

    public static async Task<JsonElement> AttachedAsync(HttpClient api, string path, string relative)
    {
        var response = await AttachAsync(api, path, relative);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits for the worker to finish every job queued so far.</summary>
    public static async Task DrainAsync(CyberReviewApp app) =>
        await app.Services.GetRequiredService<SupplyChainJobs>().DrainAsync(TestContext.Current.CancellationToken);

    /// <summary>An OSV record for one npm package, affected from <paramref name="introduced"/> until <paramref name="fixedIn"/>.</summary>
    public static object Osv(string id, string package, string introduced, string fixedIn, string cvss, string modified = "2026-01-01T00:00:00Z", string? alias = null) => new Dictionary<string, object?>
    {
        ["schema_version"] = "1.6.0",
        ["id"] = id,
        ["modified"] = modified,
        ["published"] = "2025-06-01T00:00:00Z",
        ["aliases"] = alias is null ? Array.Empty<string>() : new[] { alias },
        ["summary"] = $"Test advisory for {package}",
        ["severity"] = new[] { new { type = "CVSS_V3", score = cvss } },
        ["affected"] = new[]
        {
            new
            {
                package = new { ecosystem = "npm", name = package },
                ranges = new[] { new { type = "SEMVER", events = new object[] { new { introduced }, new { @fixed = fixedIn } } } },
            },
        },
    };

    public const string HighCvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L";
    public const string MediumCvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L";
    public const string CriticalCvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    /// <summary>The office imports advisories through the API; every record must be accepted.</summary>
    public static async Task<JsonElement> ImportAsync(Apps apps, Database engine, params object[] records)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var response = await office.Http.PostAsJsonAsync("/api/v1/monitoring/advisories", records);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var upload = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(upload.GetProperty("refused").GetInt32() == 0, upload.ToString());
        return upload;
    }
}
