using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;

namespace CyberReview.Web.Tests.Features.Evidence;

/// <summary>The files API of one case, as one person.</summary>
internal sealed class EvidenceClient(HttpClient http, Guid caseId) : IDisposable
{
    public HttpClient Http { get; } = http;
    public Guid CaseId { get; set; } = caseId;

    public static async Task<EvidenceClient> ForAsync(Apps apps, Database engine, Role role, Guid caseId) =>
        new((await CaseApi.ForAsync(apps, engine, role)).Http, caseId);

    public static async Task<EvidenceClient> ForAsync(CyberReviewApp app, PageClient signedIn, Guid caseId) =>
        new((await CaseApi.ForAsync(app, signedIn)).Http, caseId);

    public string Path(string relative = "") => $"/api/v1/cases/{CaseId}/attachments{relative}";

    /// <summary>A raw body with the name and target in the query.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(HttpContent content, string name, string kind = "Evidence", string owner = "Case", Guid? ownerId = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            Path($"?name={Uri.EscapeDataString(name)}&kind={kind}&owner={owner}{(ownerId is { } o ? $"&ownerId={o}" : "")}")) { Content = content };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostRawAsync(byte[] content, string name, string kind = "Evidence", string owner = "Case", Guid? ownerId = null, string? idempotencyKey = null) =>
        PostRawAsync(new ByteArrayContent(content), name, kind, owner, ownerId, idempotencyKey);

    /// <summary>A multipart form: fields first, then the file with a misleading declared type.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(byte[] content, string name, string kind = "Evidence", string owner = "Case", Guid? ownerId = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(owner), "owner" },
            { new StringContent(kind), "kind" },
        };
        if (ownerId is { } o)
            form.Add(new StringContent(o.ToString()), "ownerId");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", name);
        return await Http.PostAsync(Path(), form, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> CreatedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> ListAsync(string query = "")
    {
        var response = await Http.GetAsync(Path(query), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> DownloadAsync(Guid attachmentId) => Http.GetAsync(Path($"/{attachmentId}/content"), TestContext.Current.CancellationToken);

    /// <summary>A problem response with this status; returns its detail.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode} {body}");
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }

    public void Dispose() => Http.Dispose();
}
