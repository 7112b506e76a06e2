using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Conflicts;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Institutions.InstitutionApi;

namespace CyberReview.Web.Tests.Features.Conflicts;

public sealed class DeclarationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_declares_a_tie_and_withdraws_it_and_the_record_stays(Database engine)
    {
        var app = await apps.For(engine);
        using var expert = await CaseApi.ForAsync(apps, engine, Role.Expert);
        var (provider, _) = await NewProviderAsync(app);
        var request = new { providerId = provider, kind = "PaidWork", description = "Reviewed their secure-boot design for a fee in 2025." };
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(expert, request, key);
        var retried = await SendAsync(expert, request, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var declared = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = declared.GetProperty("id").GetGuid();
        Assert.Equal(id, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithDbAsync(db => db.ConflictDeclarations.CountAsync(d => d.ProviderId == provider)));
        Assert.Equal("PaidWork", declared.GetProperty("kind").GetString());
        Assert.True(declared.GetProperty("standing").GetBoolean());
        var expertId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == app.SignInFor(Role.Expert).Email).Select(u => u.Id).SingleAsync());
        Assert.Equal([expertId], await app.WithDbAsync(db => db.RuledOutFor(provider).ToListAsync()));

        var withdrawn = await expert.Http.PostAsync($"/api/v1/declarations/{id}/withdrawal", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("standing").GetBoolean());
        var withdrawnAt = after.GetProperty("withdrawnAt").GetDateTimeOffset();
        var again = await (await expert.Http.PostAsync($"/api/v1/declarations/{id}/withdrawal", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(withdrawnAt, again.GetProperty("withdrawnAt").GetDateTimeOffset());

        var list = await expert.Http.GetFromJsonAsync<JsonElement>("/api/v1/declarations?pageSize=100");
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("withdrawnAt").ValueKind);
        Assert.Empty(await app.WithDbAsync(db => db.RuledOutFor(provider).ToListAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_declarations_are_refused_field_by_field(Database engine)
    {
        var app = await apps.For(engine);
        using var evaluator = await CaseApi.ForAsync(apps, engine, Role.Evaluator);
        var (provider, _) = await NewProviderAsync(app);
        var institution = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == Laboratory).Select(o => o.Id).SingleAsync());

        await AssertInvalidAsync(await evaluator.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId = Guid.NewGuid(), kind = "Other", description = "Unknown provider." }), "ProviderId");
        await AssertInvalidAsync(await evaluator.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId = institution, kind = "Other", description = "Not a provider." }), "ProviderId");
        await AssertInvalidAsync(await evaluator.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId = provider, kind = "Other", description = "" }), "Description");
        var unknownKind = await evaluator.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId = provider, kind = "Friendship", description = "Old classmates." });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        Assert.Equal(0, await app.WithDbAsync(db => db.ConflictDeclarations.CountAsync(d => d.ProviderId == provider)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Nobody_sees_or_withdraws_another_persons_declarations(Database engine)
    {
        var app = await apps.For(engine);
        using var evaluator = await CaseApi.ForAsync(apps, engine, Role.Evaluator);
        using var expert = await CaseApi.ForAsync(apps, engine, Role.Expert);
        var (provider, _) = await NewProviderAsync(app);
        var id = await DeclareAsync(evaluator, provider);

        Assert.Equal(HttpStatusCode.NotFound, (await expert.Http.GetAsync($"/api/v1/declarations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Http.PostAsync($"/api/v1/declarations/{id}/withdrawal", null)).StatusCode);
        var list = await expert.Http.GetFromJsonAsync<JsonElement>("/api/v1/declarations?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var page = await (await apps.SignedIn(engine, Role.Expert)).PostFormAsync("/Conflicts/Declarations?handler=Withdraw", [new("id", id.ToString())], formPage: "/Conflicts/Declarations");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.Http.GetAsync($"/api/v1/declarations/{id}")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.ConflictDeclarations.Where(d => d.Id == id).Select(d => d.WithdrawnAt).SingleAsync()));

        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId = provider, kind = "Other", description = "Office staff do not declare here." })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_declares_and_withdraws_on_the_declarations_page(Database engine)
    {
        var app = await apps.For(engine);
        var (provider, _) = await NewProviderAsync(app);
        var providerName = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == provider).Select(o => o.Name).SingleAsync());
        var (pages, api, _) = await NewEvaluatorAsync(apps, engine, Laboratory);
        using var _api = api;

        var empty = await pages.GetAsync("/Conflicts/Declarations");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("You have declared no ties.", empty.Html);
        Assert.Contains($"value=\"{provider}\"", empty.Html);

        var blank = await pages.PostFormAsync("/Conflicts/Declarations?handler=Declare",
            [new("Form.ProviderId", provider.ToString()), new("Form.Kind", "Employment"), new("Form.Description", "  ")], formPage: "/Conflicts/Declarations");
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Contains("Description is required.", blank.Html);

        var declared = await pages.PostFormAsync("/Conflicts/Declarations?handler=Declare",
            [new("Form.ProviderId", provider.ToString()), new("Form.Kind", "Employment"), new("Form.Description", "Worked in their firmware team until 2024.")], formPage: "/Conflicts/Declarations");
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var listed = await pages.GetAsync(declared.RedirectPath!);
        Assert.Contains("Your declaration is recorded.", listed.Html);
        Assert.Contains(providerName, listed.Html);
        Assert.Contains("Worked in their firmware team until 2024.", listed.Html);

        var id = (await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/declarations")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var withdrawn = await pages.PostFormAsync("/Conflicts/Declarations?handler=Withdraw", [new("id", id.ToString())], formPage: "/Conflicts/Declarations");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);
        var after = await pages.GetAsync(withdrawn.RedirectPath!);
        Assert.Contains("Withdrawn on ", after.Html);
        Assert.DoesNotContain("handler=Withdraw", after.Html);
    }

    private static async Task<HttpResponseMessage> SendAsync(CaseApi person, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/declarations") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await person.Http.SendAsync(request);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }
}
