using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Cases;

public sealed class CaseLifecycleTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_application_goes_through_screening_and_a_question_to_the_provider(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var versions = await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd.");

        var draft = await provider.ApplyAsync("Review of NR-9000 " + Guid.NewGuid().ToString("N")[..6], versions[..2]);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Matches(@"^CR-\d{4}-\d{5}$", draft.GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(id)).StatusCode);

        Assert.Equal("Submitted", (await provider.MovedAsync(id, "Submit")).GetProperty("state").GetString());
        var screening = await office.MovedAsync(id, "StartScreening");
        Assert.Equal("Screening", screening.GetProperty("clock").GetProperty("stage").GetString());
        Assert.True(screening.GetProperty("clock").GetProperty("workingDaysLeft").GetInt32() is >= 9 and <= 10);

        var unexplained = await office.MoveAsync(id, "ScreenRequired");
        Assert.Equal(HttpStatusCode.Conflict, unexplained.StatusCode);
        var problem = await unexplained.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["ReasonGiven"], problem.GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("write the reason", problem.GetProperty("detail").GetString());

        var evaluation = await office.MovedAsync(id, "ScreenRequired", "Core routers of the power grid's backbone: Art. 2 applies.");
        Assert.Equal("Evaluation", evaluation.GetProperty("state").GetString());
        Assert.Equal("PreliminaryReview", evaluation.GetProperty("clock").GetProperty("stage").GetString());

        var asked = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/questions", new { question = "Which remote-management interfaces does 5.3 expose?" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var waiting = await provider.CaseAsync(id);
        Assert.Equal("AwaitingProvider", waiting.GetProperty("state").GetString());
        Assert.True(waiting.GetProperty("clock").GetProperty("paused").GetBoolean());
        var question = waiting.GetProperty("questions").EnumerateArray().Single();

        var answered = await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/questions/{question.GetProperty("id").GetGuid()}/answer",
            new { answer = "SSH on the management port only; NETCONF is off by default." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var resumed = await office.CaseAsync(id);
        Assert.Equal("Evaluation", resumed.GetProperty("state").GetString());
        Assert.False(resumed.GetProperty("clock").GetProperty("paused").GetBoolean());

        var premature = await office.MoveAsync(id, "StartExpertReview");
        Assert.Equal(HttpStatusCode.Conflict, premature.StatusCode);
        Assert.Equal(["InstitutionAssigned", "PanelDrawn"],
            (await premature.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));

        var timeline = resumed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToArray();
        Assert.Equal(["Opened", "Submit", "StartScreening", "ScreenRequired", "RequestInformation", "QuestionAnswered", "ProvideInformation"], timeline);
        var screened = resumed.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("what").GetString() == "ScreenRequired");
        Assert.Equal("Screening", screened.GetProperty("from").GetString());
        Assert.Equal("Evaluation", screened.GetProperty("to").GetString());
        Assert.Contains("Art. 2 applies", screened.GetProperty("reason").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_opens_a_case_on_a_trigger_with_the_particulars_it_needs(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var contoso = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Contoso Cloud Co.").Select(o => o.Id).SingleAsync());
        var versions = await CaseApi.VersionsOfAsync(app, "Contoso Cloud Co.");
        // Other tests open cases meanwhile: count this test's own.
        var title = "Contoso Managed Database " + Guid.NewGuid().ToString("N")[..6];
        var before = await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Title == title));

        var incomplete = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title,
            providerId = contoso,
            versionIds = versions[..1],
            trigger = "StateDepartmentRequest",
            justification = "Used by provincial e-government platforms.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("RequestingBody", out _));
        Assert.True(errors.TryGetProperty("ReferenceNumber", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Title == title)));

        var request = new
        {
            title,
            providerId = contoso,
            versionIds = versions[..1],
            trigger = "StateDepartmentRequest",
            requestingBody = "Ministry of Industry and Information Technology",
            referenceNumber = "MIIT-2026-117",
            justification = "Used by provincial e-government platforms.",
        };
        var key = Guid.NewGuid().ToString();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(request) };
        first.Headers.Add("Idempotency-Key", key);
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(request) };
        retry.Headers.Add("Idempotency-Key", key);

        var opened = await office.Http.SendAsync(first);
        var again = await office.Http.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Title == title)));
        var opened_ = await office.CaseAsync(id);
        Assert.Equal("Submitted", opened_.GetProperty("state").GetString());
        Assert.Equal("MIIT-2026-117", opened_.GetProperty("referenceNumber").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_case_cannot_name_another_providers_versions(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var contosoVersions = await CaseApi.VersionsOfAsync(app, "Contoso Cloud Co.");

        var response = await provider.Http.PostAsJsonAsync("/api/v1/cases/applications", new { title = "Not ours", versionIds = contosoVersions[..1] });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("VersionIds", await response.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_sees_its_case_but_not_who_asked_for_it_or_why(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var northwind = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Northwind Networks Ltd.").Select(o => o.Id).SingleAsync());
        var versions = await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd.");
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Market reaction on Northwind OS",
            providerId = northwind,
            versionIds = versions[^1..],
            trigger = "MarketReaction",
            justification = "Sixty public reports of unexplained outbound connections.",
        });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var seen = await provider.CaseAsync(id);

        Assert.Equal("MarketReaction", seen.GetProperty("trigger").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("justification").ValueKind);
        Assert.Contains("Sixty public reports", (await office.CaseAsync(id)).GetProperty("justification").GetString());
    }
}
