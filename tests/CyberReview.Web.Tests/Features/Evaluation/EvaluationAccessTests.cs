using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Conflicts;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Conflicts;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Evaluation.EvaluationCases;

namespace CyberReview.Web.Tests.Features.Evaluation;

/// <summary>
/// Who reaches a case's evaluation: 404 for anyone without a part in the case, 403 for parts that may not read or
/// write it, 409 for evaluators whose case is not in evaluation; the provider sees no evaluation work before the decision.
/// </summary>
public sealed class EvaluationAccessTests(Apps apps)
{
    // Every evaluation route, with the method and a body where it takes one.
    private static (HttpMethod Method, string Path, object? Body)[] Routes(Guid activity, Guid finding, Guid report) =>
    [
        (HttpMethod.Get, "activities", null),
        (HttpMethod.Post, "activities", LaboratoryPlan()),
        (HttpMethod.Get, $"activities/{activity}", null),
        (HttpMethod.Put, $"activities/{activity}", LaboratoryPlan()),
        (HttpMethod.Put, $"activities/{activity}/results", new { results = "x" }),
        (HttpMethod.Post, $"activities/{activity}/status", new { status = "Cancelled", reason = "x" }),
        (HttpMethod.Get, "findings", null),
        (HttpMethod.Post, "findings", Finding()),
        (HttpMethod.Get, $"findings/{finding}", null),
        (HttpMethod.Put, $"findings/{finding}", Finding()),
        (HttpMethod.Post, $"findings/{finding}/status", new { status = "Closed", reason = "x" }),
        (HttpMethod.Get, "reports", null),
        (HttpMethod.Post, "reports", new { summary = "x", confirmed = true }),
        (HttpMethod.Get, $"reports/{report}", null),
    ];

    private static async Task<HttpResponseMessage> SendAsync(EvaluationClient client, (HttpMethod Method, string Path, object? Body) route)
    {
        using var request = new HttpRequestMessage(route.Method, client.Path(route.Path));
        if (route.Body is not null)
            request.Content = JsonContent.Create(route.Body);
        return await client.Http.SendAsync(request);
    }

    // A case in evaluation with an activity, a finding and a signed report of the laboratory.
    private async Task<(Guid Case, Guid Activity, Guid Finding, Guid Report)> EvaluatedCaseAsync(Database engine)
    {
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        var activity = await evaluator.CompletedActivityAsync();
        var finding = (await evaluator.CreatedAsync("findings", Finding(activityId: activity))).GetProperty("id").GetGuid();
        var report = (await evaluator.CreatedAsync("reports", new { summary = "One finding.", conclusions = Conclusions(), findingIds = new[] { finding }, confirmed = true })).GetProperty("id").GetGuid();
        return (id, activity, finding, report);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task People_outside_the_case_get_404_on_every_evaluation_page_and_endpoint(Database engine)
    {
        var app = await apps.For(engine);
        var (id, activity, finding, report) = await EvaluatedCaseAsync(engine);
        var (_, outsideEvaluator) = await InstitutionAsync(apps, engine);
        var outsiders = new List<(string Who, PageClient Pages)>
        {
            ("an evaluator of an institution without a part", outsideEvaluator),
            ("another provider", await SignedInAsync(apps, engine, Role.Provider, "Contoso Cloud Co.")),
            ("an expert on no panel", await apps.SignedIn(engine, Role.Expert)),
            ("a committee member", await apps.SignedIn(engine, Role.Committee)),
            ("a sector authority of no sector", await apps.SignedIn(engine, Role.SectorAuthority)),
        };

        foreach (var (who, pages) in outsiders)
        {
            using var client = await EvaluationClient.ForAsync(app, pages, id);
            foreach (var route in Routes(activity, finding, report))
                Assert.True(HttpStatusCode.NotFound == (await SendAsync(client, route)).StatusCode, $"{who}: {route.Method} {route.Path}");
            foreach (var path in new[] { $"/Evaluation?id={id}", $"/Evaluation/Activity?id={id}&activityId={activity}", $"/Evaluation/Activity?id={id}&kind=LaboratoryTesting",
                $"/Evaluation/Finding?id={id}&findingId={finding}", $"/Evaluation/Finding?id={id}", $"/Evaluation/Report?id={id}&reportId={report}", $"/Evaluation/Report?id={id}" })
                Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync(path)).Status, $"{who}: {path}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(new EvaluationClient((await CaseApi.ForAsync(apps, engine, Role.Evaluator)).Http, Guid.NewGuid()), Routes(activity, finding, report)[0])).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_committee_and_experts_of_the_case_read_but_get_403_on_every_change(Database engine)
    {
        var app = await apps.For(engine);
        var (id, activity, finding, report) = await EvaluatedCaseAsync(engine);
        await GrantAsync(app, id, CaseActor.Committee, "Cybersecurity Review Office");
        await GrantAsync(app, id, CaseActor.Expert, "Cybersecurity Review Office");

        foreach (var role in new[] { Role.Office, Role.Committee, Role.Expert })
        {
            using var client = await EvaluationClient.ForAsync(apps, engine, role, id);
            foreach (var route in Routes(activity, finding, report))
            {
                var response = await SendAsync(client, route);
                if (route.Method == HttpMethod.Get)
                {
                    Assert.True(HttpStatusCode.OK == response.StatusCode, $"{role}: {route.Path}");
                    continue;
                }
                var problem = await EvaluationClient.ProblemAsync(response, HttpStatusCode.Forbidden);
                Assert.Equal("Only the evaluators of an assigned institution plan, record and sign off evaluation work.", problem.GetProperty("detail").GetString());
            }
            var page = await (await apps.SignedIn(engine, role)).GetAsync($"/Evaluation?id={id}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("F-001", page.Html);
            Assert.DoesNotContain("href=\"/Evaluation/Finding?id=" + id + "\"", page.Html);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_sees_no_evaluation_work_before_the_decision_and_then_only_the_findings(Database engine)
    {
        var app = await apps.For(engine);
        var (id, activity, finding, report) = await EvaluatedCaseAsync(engine);
        using var provider = await EvaluationClient.ForAsync(apps, engine, Role.Provider, id);
        var providerPages = await apps.SignedIn(engine, Role.Provider);

        foreach (var route in Routes(activity, finding, report))
            Assert.True(HttpStatusCode.Forbidden == (await SendAsync(provider, route)).StatusCode, route.Path);
        var hidden = await EvaluationClient.ProblemAsync(await provider.GetAsync("findings"), HttpStatusCode.Forbidden);
        Assert.Equal("The provider sees the findings once the case is decided.", hidden.GetProperty("detail").GetString());
        var timeline = (await provider.ReadAsync("")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.DoesNotContain(timeline, what => what!.StartsWith("Evaluation.", StringComparison.Ordinal));
        Assert.Contains("ScreenRequired", timeline);
        var casePage = await providerPages.GetAsync($"/Cases/Case?id={id}");
        Assert.DoesNotContain("Undocumented maintenance account", casePage.Html);
        Assert.DoesNotContain($"/Evaluation?id={id}", casePage.Html);
        Assert.Equal(HttpStatusCode.Forbidden, (await providerPages.GetAsync($"/Evaluation?id={id}")).Status);
        var activityPage = await providerPages.GetAsync($"/Evaluation/Activity?id={id}&activityId={activity}");
        Assert.Equal(HttpStatusCode.Forbidden, activityPage.Status);
        Assert.Contains("The evaluation file is for the evaluators, the review office, the committee and the panel&#x27;s experts.", activityPage.Html);
        Assert.DoesNotContain("Plan:", activityPage.Html);
        Assert.DoesNotContain("Beijing laboratory", activityPage.Html);

        // Decisions are a feature of their own; here the case is simply marked decided.
        await app.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == id)).State = CaseState.Decided;
            return await db.SaveChangesAsync();
        });

        var findings = await provider.ReadAsync("findings");
        var seen = findings.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Undocumented maintenance account", seen.GetProperty("title").GetString());
        Assert.Equal("Remove the account, or disable it by default and document it.", seen.GetProperty("recommendedCondition").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("activityId").ValueKind);
        Assert.Empty(seen.GetProperty("evidence").EnumerateArray());
        Assert.False(seen.GetProperty("youMayChange").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"findings/{finding}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("activities")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync($"reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsync($"findings/{finding}/status", new { status = "Closed" })).StatusCode);
        var page = await providerPages.GetAsync($"/Evaluation?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Undocumented maintenance account", page.Html);
        Assert.DoesNotContain("evidence.lab.example", page.Html);
        Assert.DoesNotContain("Beijing laboratory", page.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Evaluators_write_only_while_the_case_is_in_evaluation(Database engine)
    {
        var app = await apps.For(engine);
        var id = await ScreeningAsync(apps, engine);
        await GrantAsync(app, id, CaseActor.Evaluator, Laboratory);
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);

        var refused = await EvaluationClient.ProblemAsync(await evaluator.PostAsync("activities", LaboratoryPlan()), HttpStatusCode.Conflict);

        Assert.Equal("NotNow", refused.GetProperty("refusal").GetString());
        Assert.Equal("Evaluation work is recorded while the case is in evaluation; this case is “Screening”.", refused.GetProperty("detail").GetString());
        Assert.Equal(0, (await evaluator.ReadAsync("activities")).GetProperty("total").GetInt32());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_institution_reads_but_does_not_change_the_laboratorys_work(Database engine)
    {
        var app = await apps.For(engine);
        var (other, otherPages) = await InstitutionAsync(apps, engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory, other);
        using var lab = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        using var colleague = await EvaluationClient.ForAsync(app, otherPages, id);
        var activity = (await lab.CreatedAsync("activities", LaboratoryPlan())).GetProperty("id").GetGuid();
        var finding = (await lab.CreatedAsync("findings", Finding())).GetProperty("id").GetGuid();

        Assert.False((await colleague.ReadAsync($"activities/{activity}")).GetProperty("youMayChange").GetBoolean());
        foreach (var response in new[]
        {
            await colleague.PutAsync($"activities/{activity}", LaboratoryPlan()),
            await colleague.PostAsync($"activities/{activity}/status", new { status = "InProgress" }),
            await colleague.PutAsync($"findings/{finding}", Finding()),
            await colleague.PostAsync($"findings/{finding}/status", new { status = "Mitigated" }),
        })
        {
            var problem = await EvaluationClient.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal("OtherInstitution", problem.GetProperty("refusal").GetString());
        }
        var own = await colleague.CreatedAsync("findings", Finding(riskArea: "UserInformation", criterionId: "CR-UI-01", severity: "Low"));
        Assert.Equal("F-002", own.GetProperty("number").GetString());
        Assert.Equal(other, own.GetProperty("institution").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_with_a_declared_tie_to_the_provider_takes_no_part(Database engine)
    {
        var app = await apps.For(engine);
        var id = await InEvaluationAsync(apps, engine, Laboratory);
        var tied = await SignedInAsync(apps, engine, Role.Evaluator, Laboratory);
        using var client = await EvaluationClient.ForAsync(app, tied, id);
        var me = (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("id").GetGuid();
        var northwind = await OrganisationAsync(app, Provider);
        await app.WithDbAsync(async db =>
        {
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                Id = Guid.CreateVersion7(), UserId = me, ProviderId = northwind, Kind = Enum.GetValues<RelationshipKind>()[0],
                Description = "Worked for Northwind until last year.", DeclaredAt = DateTimeOffset.UnixEpoch,
            });
            return await db.SaveChangesAsync();
        });

        // Case access already withholds the evaluator part from someone tied to the provider: the case does not exist for them.
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("activities", LaboratoryPlan())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("findings")).StatusCode);
        using var untied = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await untied.CreatedAsync("activities", LaboratoryPlan());
    }
}
