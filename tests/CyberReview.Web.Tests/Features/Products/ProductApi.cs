using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;

namespace CyberReview.Web.Tests.Features.Products;

/// <summary>Talks to the products API as one person, with a token created on their tokens page.</summary>
internal sealed class ProductApi(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static async Task<ProductApi> ForAsync(Apps apps, Database engine, Role role) =>
        new(Tokens.ApiClient(await apps.For(engine), await Tokens.CreateAsync(await apps.SignedIn(engine, role), "products " + role)));

    public static async Task<ProductApi> ForAsync(CyberReviewApp app, PageClient signedIn) =>
        new(Tokens.ApiClient(app, await Tokens.CreateAsync(signedIn, "products")));

    /// <summary>The products API as the staff of <see cref="OwnProviderAsync"/>.</summary>
    public static async Task<ProductApi> ForOwnProviderAsync(Apps apps, Database engine) =>
        await ForAsync(await apps.For(engine), await OwnProviderAsync(apps, engine));

    private static readonly ConcurrentDictionary<CyberReviewApp, Lazy<Task<PageClient>>> OwnProviders = new();

    /// <summary>
    /// A provider organisation of these tests' own, signed in (shared: do not sign it out). Other tests put the demo
    /// provider's versions into cases; versions that changed under them, or that their cases froze, would make both flaky.
    /// </summary>
    public static async Task<PageClient> OwnProviderAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        return await OwnProviders.GetOrAdd(app, _ => new Lazy<Task<PageClient>>(async () =>
        {
            var name = Unique("Products Test Provider");
            using (var admin = Tokens.ApiClient(app, await Tokens.CreateAsync(await apps.SignedIn(engine, Role.Administrator), "provider for products")))
                Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/organisations", new { name, kind = "Provider" })).StatusCode);
            var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, name);
            var client = PageClient.For(app);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).Status);
            return client;
        })).Value;
    }

    /// <summary>The name of <see cref="OwnProviderAsync"/>'s organisation.</summary>
    public static async Task<string> OwnProviderNameAsync(Apps apps, Database engine)
    {
        using var api = await ForOwnProviderAsync(apps, engine);
        return (await api.GetAsync("/api/v1/me")).GetProperty("organisation").GetProperty("name").GetString()!;
    }

    /// <summary>A name no other test uses, so that tests sharing an app do not collide.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    public static object Component(string name = "OpenSSL", string version = "3.0.13", string country = "US", string? purl = "pkg:generic/openssl@3.0.13", bool isKey = true) =>
        new { name, version, supplier = "OpenSSL Software Foundation", countryOfOrigin = country, purl, isKey };

    public async Task<HttpResponseMessage> PostAsync(string path, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> CreatedAsync(string path, object body)
    {
        var response = await PostAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Guid> ProductAsync(string name, string kind = "Hardware") =>
        (await CreatedAsync("/api/v1/products", new { name, kind, description = "Made by a test." })).GetProperty("id").GetGuid();

    public async Task<Guid> VersionAsync(Guid product, string version = "1.0", Guid? copyComponentsFrom = null) =>
        (await CreatedAsync($"/api/v1/products/{product}/versions", new { version, releasedOn = "2026-03-01", copyComponentsFrom })).GetProperty("id").GetGuid();

    public async Task<Guid> ComponentAsync(Guid product, Guid version, object component) =>
        (await CreatedAsync($"/api/v1/products/{product}/versions/{version}/components", component)).GetProperty("id").GetGuid();

    public async Task<JsonElement> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{expected} expected, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => Http.Dispose();
}
