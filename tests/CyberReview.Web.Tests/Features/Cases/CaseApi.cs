using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>Talks to the cases API as one person, with a token created on their tokens page.</summary>
internal sealed class CaseApi(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static async Task<CaseApi> ForAsync(Apps apps, Database engine, Role role) =>
        new(Tokens.ApiClient(await apps.For(engine), await Tokens.CreateAsync(await apps.SignedIn(engine, role), "cases " + role)));

    public static async Task<CaseApi> ForAsync(CyberReviewApp app, PageClient signedIn) =>
        new(Tokens.ApiClient(app, await Tokens.CreateAsync(signedIn, "cases")));

    public static async Task<Guid[]> VersionsOfAsync(CyberReviewApp app, string provider) =>
        await app.WithDbAsync(db => db.ProductVersions.Where(v => db.Products.Any(p => p.Id == v.ProductId && p.Provider.Name == provider)).Select(v => v.Id).ToArrayAsync());

    public async Task<JsonElement> ApplyAsync(string title, Guid[] versions)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/cases/applications", new { title, versionIds = versions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> MoveAsync(Guid id, string action, string? reason = null) =>
        await Http.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { action, reason });

    public async Task<JsonElement> MovedAsync(Guid id, string action, string? reason = null)
    {
        var response = await MoveAsync(id, action, reason);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<HttpResponseMessage> GetAsync(Guid id) => await Http.GetAsync($"/api/v1/cases/{id}");

    public async Task<JsonElement> CaseAsync(Guid id)
    {
        var response = await GetAsync(id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => Http.Dispose();
}
