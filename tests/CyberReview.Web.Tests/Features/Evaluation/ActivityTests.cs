using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evaluation;

public sealed class ActivityTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Each_kind_of_activity_is_planned_with_its_own_fields(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var common = new { scope = "NR-9000 5.3", method = "Per the criteria guidance.", plannedStart = "2026-12-01", plannedEnd = "2026-12-20" };

        var lab = await evaluator.CreatedAsync("activities", LaboratoryPlan());
        var onSite = await evaluator.CreatedAsync("activities", new
        {
            kind = "OnSiteInspection", common.scope, common.method, common.plannedStart, common.plannedEnd,
            siteAddress = "18 Science Park Road, Shenzhen", premises = "Build servers, signing room, release pipeline.",
        });
        var monitoring = await evaluator.CreatedAsync("activities", new
        {
            kind = "OnlineMonitoring", common.scope, common.method, common.plannedStart, common.plannedEnd,
            targets = new[] { " update.northwind.example ", "", "https://telemetry.northwind.example/v2", "203.0.113.0/24" },
            monitoringFrom = "2026-12-05", monitoringUntil = "2026-12-15",
        });
        var background = await evaluator.CreatedAsync("activities", new
        {
            kind = "BackgroundInvestigation", common.scope, common.method, common.plannedStart, common.plannedEnd,
            subjects = new[] { "Northwind Networks Ltd.", "its parent company", "head of firmware development (role)" },
            sources = new[] { "Enterprise credit information system", "court judgments database" },
        });

        Assert.Equal("Planned", lab.GetProperty("status").GetString());
        Assert.Equal(EvaluationCases.Laboratory, lab.GetProperty("institution").GetString());
        Assert.Equal("Beijing laboratory, building 3", lab.GetProperty("laboratoryLocation").GetString());
        Assert.Equal(JsonValueKind.Null, lab.GetProperty("siteAddress").ValueKind);
        Assert.True(lab.GetProperty("youMayChange").GetBoolean());
        Assert.Equal(["InProgress", "Cancelled"], lab.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("18 Science Park Road, Shenzhen", onSite.GetProperty("siteAddress").GetString());
        Assert.Equal(["update.northwind.example", "https://telemetry.northwind.example/v2", "203.0.113.0/24"],
            monitoring.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("2026-12-05", monitoring.GetProperty("monitoringFrom").GetString());
        Assert.Equal(2, background.GetProperty("sources").GetArrayLength());

        var all = await evaluator.ReadAsync("activities");
        Assert.Equal(4, all.GetProperty("total").GetInt32());
        var onlyMonitoring = await evaluator.ReadAsync("activities?kind=OnlineMonitoring");
        Assert.Equal(monitoring.GetProperty("id").GetGuid(), onlyMonitoring.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        var paged = await evaluator.ReadAsync("activities?pageSize=3&page=2");
        Assert.Single(paged.GetProperty("items").EnumerateArray());

        using var office = await EvaluationClient.ForAsync(apps, engine, Role.Office, id);
        var seen = await office.ReadAsync($"activities/{lab.GetProperty("id").GetGuid()}");
        Assert.False(seen.GetProperty("youMayChange").GetBoolean());
        var timeline = (await office.ReadAsync("")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Equal(4, timeline.Count(w => w == "Evaluation.ActivityPlanned"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_plan_with_problems_is_refused_field_by_field_and_nothing_is_saved(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);

        var response = await evaluator.PostAsync("activities", new
        {
            kind = "OnlineMonitoring",
            scope = "Telemetry endpoints",
            plannedStart = "2026-12-10",
            plannedEnd = "2026-12-01",
            targets = new[] { "update.northwind.example", "not a host" },
            monitoringFrom = "2026-12-02",
            siteAddress = "Stray field of on-site inspections",
        });

        var errors = (await EvaluationClient.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("Method is required for Online monitoring.", errors.GetProperty("Method").EnumerateArray().Select(e => e.GetString()));
        Assert.True(errors.TryGetProperty("MonitoringUntil", out _));
        Assert.Contains("Planned end may not be before Planned start.", errors.GetProperty("PlannedEnd").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("“not a host” is not a URL, IP address, network or host name.", errors.GetProperty("Targets").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Site address is not part of a plan for Online monitoring.", errors.GetProperty("SiteAddress").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Monitoring from must lie within the planned start and end.", errors.GetProperty("MonitoringFrom").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, await app.WithDbAsync(db => db.EvaluationActivities.CountAsync(a => a.CaseId == id)));

        var noKind = await evaluator.PostAsync("activities", new { scope = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        var unknownKind = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("activities", new { kind = 99, scope = "x" }), HttpStatusCode.BadRequest);
        Assert.True(unknownKind.GetProperty("errors").TryGetProperty("Kind", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id && e.What.StartsWith("Evaluation."))));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_activity_moves_only_as_the_status_rules_allow_and_says_why_not(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = (await evaluator.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();
        async Task<JsonElement> Refused(HttpResponseMessage response) => await EvaluationClient.ProblemAsync(response, HttpStatusCode.Conflict);

        var skipped = await Refused(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Completed" }));
        Assert.Equal("NotAllowed", skipped.GetProperty("refusal").GetString());
        Assert.Equal("An activity that is “Planned” cannot become “Completed”; it can become: In progress, Cancelled.", skipped.GetProperty("detail").GetString());
        var early = await Refused(await evaluator.PutAsync($"activities/{activity}/results", new { results = "Too early." }));
        Assert.Equal("ResultsNotNow", early.GetProperty("refusal").GetString());

        await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "InProgress" }));
        var replanned = await EvaluationClient.OkAsync(await evaluator.PutAsync($"activities/{activity}", LaboratoryPlan("Management plane only")));
        Assert.Equal("Management plane only", replanned.GetProperty("scope").GetString());
        var otherKind = await evaluator.PutAsync($"activities/{activity}", new { kind = "OnSiteInspection", scope = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, otherKind.StatusCode);
        var emptyHanded = await Refused(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Completed" }));
        Assert.Equal("ResultsRequired", emptyHanded.GetProperty("refusal").GetString());

        await EvaluationClient.OkAsync(await evaluator.PutAsync($"activities/{activity}/results", new { results = "212 test cases; one undocumented account." }));
        var completed = await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Completed" }));
        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Equal("PlanFixed", (await Refused(await evaluator.PutAsync($"activities/{activity}", LaboratoryPlan()))).GetProperty("refusal").GetString());
        var unexplained = await Refused(await evaluator.PostAsync($"activities/{activity}/status", new { status = "InProgress" }));
        Assert.Equal("Write why the activity goes from “Completed” to “In progress”.", unexplained.GetProperty("detail").GetString());
        await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "InProgress", reason = "Retest the provider's fixed build 5.3.1." }));
        await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Cancelled", reason = "The provider withdrew 5.3.1." }));
        var final = await Refused(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Planned" }));
        Assert.Equal("An activity that is “Cancelled” stays so; plan a new activity instead.", final.GetProperty("detail").GetString());

        using var office = await EvaluationClient.ForAsync(apps, engine, Role.Office, id);
        var lines = (await office.ReadAsync("")).GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("what").GetString()!.StartsWith("Evaluation.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Evaluation.ActivityPlanned", "Evaluation.ActivityStarted", "Evaluation.ActivityReplanned", "Evaluation.ActivityResultsRecorded",
            "Evaluation.ActivityCompleted", "Evaluation.ActivityReopened", "Evaluation.ActivityCancelled"], lines.Select(e => e.GetProperty("what").GetString()));
        Assert.Equal("Management plane only: The provider withdrew 5.3.1.", lines[^1].GetProperty("reason").GetString());
        Assert.Equal("Evaluator", lines[^1].GetProperty("part").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_retried_post_with_the_same_idempotency_key_creates_one_activity_finding_or_report(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        async Task<HttpResponseMessage> Send(string collection, object body, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, evaluator.Path(collection)) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await evaluator.Http.SendAsync(request);
        }
        async Task Twice(string collection, object body)
        {
            var key = Guid.NewGuid().ToString();
            var first = await Send(collection, body, key);
            var again = await Send(collection, body, key);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(first.Headers.Location, again.Headers.Location);
        }

        await Twice("activities", LaboratoryPlan());
        await Twice("findings", Finding());
        var activity = await app.WithDbAsync(db => db.EvaluationActivities.Where(a => a.CaseId == id).Select(a => a.Id).SingleAsync());
        await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "InProgress" }));
        await EvaluationClient.OkAsync(await evaluator.PutAsync($"activities/{activity}/results", new { results = "Done." }));
        await EvaluationClient.OkAsync(await evaluator.PostAsync($"activities/{activity}/status", new { status = "Completed" }));
        var finding = await app.WithDbAsync(db => db.Findings.Where(f => f.CaseId == id).Select(f => f.Id).SingleAsync());
        await Twice("reports", new { summary = "One finding.", conclusions = Conclusions(), findingIds = new[] { finding }, confirmed = true });

        Assert.Equal(1, await app.WithDbAsync(db => db.EvaluationReports.CountAsync(r => r.CaseId == id)));
    }
}
