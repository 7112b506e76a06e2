using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>The office and the committee read and export the trail; nobody else does.</summary>
public sealed class AuditPageTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_committee_filters_by_case_user_outcome_and_time_and_pages_by_sequence(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.ScreeningAsync(apps, engine);
        var number = await AuditEvents.NumberOfAsync(app, id);
        var office = await apps.SignedIn(engine, Role.Office);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Cases/Case?id={id}")).Status);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var officeEmail = app.SignInFor(Role.Office).Email;

        var ofCase = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={Uri.EscapeDataString(number)}&pageSize=200");
        var items = ofCase.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 5, $"{items.Count} events");
        Assert.All(items, e => Assert.Equal(id, e.GetProperty("caseId").GetGuid()));
        Assert.All(items, e => Assert.Equal(number, e.GetProperty("caseNumber").GetString()));
        var sequences = items.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);

        var byOffice = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={id}&user={Uri.EscapeDataString(officeEmail)}&objectKind=case&pageSize=200");
        Assert.All(byOffice.GetProperty("items").EnumerateArray(), e => Assert.Equal(officeEmail, e.GetProperty("actor").GetString(), ignoreCase: true));
        Assert.Equal(3, byOffice.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "case.view"));

        var first = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={id}&pageSize=2");
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var cursor = first.GetProperty("next").GetInt64();
        var second = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={id}&pageSize=2&before={cursor}");
        Assert.All(second.GetProperty("items").EnumerateArray(), e => Assert.True(e.GetProperty("sequence").GetInt64() < cursor));
        Assert.Equal(sequences[2], second.GetProperty("items")[0].GetProperty("sequence").GetInt64());

        var tomorrow = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(1).ToString("yyyy-MM-dd");
        var future = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={id}&from={tomorrow}");
        Assert.Equal(0, future.GetProperty("items").GetArrayLength());
        var denied = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/audit/events?case={id}&outcome=Denied");
        Assert.Equal(0, denied.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.Http.GetAsync("/api/v1/audit/events?pageSize=0")).StatusCode);

        var page = await (await apps.SignedIn(engine, Role.Committee)).GetAsync($"/Audit?caseText={Uri.EscapeDataString(number)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>Audit trail</h1>", page.Html);
        Assert.Contains($"data-sequence=\"{sequences[0]}\"", page.Html);
        Assert.Contains("<label for=\"caseText\"", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Exports_stream_csv_and_json_lines_of_the_filtered_events_and_are_themselves_recorded(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.ScreeningAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var expected = (await AuditEvents.OfCaseAsync(app, id)).Count;

        var csv = await committee.Http.GetAsync($"/api/v1/audit/export?format=csv&case={id}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment;", csv.Content.Headers.ContentDisposition?.ToString() ?? csv.Headers.GetValues("Content-Disposition").Single());
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sequence,at,actor_id,actor,token_id,action,case_id", lines[0]);
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(id.ToString(), line));

        var jsonl = await committee.Http.GetAsync($"/api/v1/audit/export?format=jsonl&case={id}");
        var rows = (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(expected, rows.Count);
        Assert.Equal(rows.Select(r => r.GetProperty("sequence").GetInt64()).Order(), rows.Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await committee.Http.GetAsync("/api/v1/audit/export?format=xml")).StatusCode);

        var pageExport = await (await apps.SignedIn(engine, Role.Office)).GetAsync($"/Audit?handler=Export&format=csv&caseText={id}");
        Assert.Equal(HttpStatusCode.OK, pageExport.Status);
        Assert.Equal(expected + 1, pageExport.Html.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var committeeId = await AuditEvents.UserIdAsync(app, app.SignInFor(Role.Committee).Email);
        Assert.True((await AuditEvents.ByAsync(app, committeeId)).Count(e => e.Action == "audit.export") >= 2);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_without_the_audit_capability_are_refused_the_page_and_the_api(Database engine)
    {
        foreach (var role in new[] { Role.Expert, Role.Evaluator, Role.Provider, Role.SectorAuthority, Role.Administrator, Role.Procurer })
        {
            var page = await (await apps.SignedIn(engine, role)).GetAsync("/Audit");
            Assert.NotEqual(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("data-sequence", page.Html);
            using var api = await CaseApi.ForAsync(apps, engine, role);
            Assert.True(HttpStatusCode.Forbidden == (await api.Http.GetAsync("/api/v1/audit/events")).StatusCode, role.ToString());
            Assert.True(HttpStatusCode.Forbidden == (await api.Http.GetAsync("/api/v1/audit/export?format=csv")).StatusCode, role.ToString());
            Assert.True(HttpStatusCode.Forbidden == (await api.Http.PostAsync("/api/v1/audit/checkpoints", null)).StatusCode, role.ToString());
        }
        var anonymous = (await apps.For(engine)).CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit/events")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_public_key_is_published_and_checkpoints_are_written_on_demand(Database engine)
    {
        await EvaluationCases.ScreeningAsync(apps, engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        var key = await provider.Http.GetFromJsonAsync<JsonElement>("/api/v1/audit/public-key");
        var verifierKey = key.GetProperty("verifierKey").GetString()!;
        Assert.Matches("^cyberreview\\.local/audit\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]{44}$", verifierKey);
        var written = await office.Http.PostAsync("/api/v1/audit/checkpoints", null);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        var checkpoint = await written.Content.ReadFromJsonAsync<JsonElement>();
        var note = checkpoint.GetProperty("note").GetString()!;
        Assert.StartsWith($"cyberreview.local/audit\n{checkpoint.GetProperty("size").GetInt64()}\n{checkpoint.GetProperty("rootHash").GetString()}\ntime ", note);
        Assert.Contains("\n\n\u2014 cyberreview.local/audit ", note);
        Assert.NotNull(Data.Audit.CheckpointVerifier.Parse(verifierKey).Open(note));
    }
}
