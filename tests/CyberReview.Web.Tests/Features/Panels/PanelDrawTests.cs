using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Criteria;
using CyberReview.Reviews.Panels;
using CyberReview.Reviews.Products;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Panels.PanelSetup;

namespace CyberReview.Web.Tests.Features.Panels;

[Collection(ExpertPool.Name)]
public sealed class PanelDrawTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_draws_a_panel_that_anyone_auditing_can_draw_again_from_its_record(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, providerId) = await CaseInEvaluationAsync(apps, engine);
        var eligible = await ExpertsAsync(app, 7);
        var unavailable = await ExpertAsync(app, available: false);
        var cloudOnly = await ExpertAsync(app, kinds: [ProductKind.CloudService]);
        var conflicted = await ExpertAsync(app);
        await DeclareTieAsync(app, conflicted.Id, providerId);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var drawn = await DrawAsync(office.Http, caseId);

        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var panel = await drawn.Content.ReadFromJsonAsync<JsonElement>();
        var seated = SeatedExperts(panel);
        Assert.Equal(5, seated.Length);
        Assert.Subset(eligible.Select(e => e.Id).ToHashSet(), seated.ToHashSet());
        var draw = Assert.Single(panel.GetProperty("draws").EnumerateArray());
        Assert.True(draw.GetProperty("reproduced").GetBoolean());

        // The audit record names every available expert free of conflicts as a candidate (whether their expertise fits is
        // the draw's own first step), and the draw re-runs from the record alone.
        var audit = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/panel/draws/{draw.GetProperty("id").GetGuid()}");
        var candidates = audit.GetProperty("candidates").EnumerateArray().Select(c => new PanelCandidate(
            c.GetProperty("expertId").GetGuid(),
            [.. c.GetProperty("riskAreas").EnumerateArray().Select(a => Enum.Parse<RiskArea>(a.GetString()!))],
            [.. c.GetProperty("productKinds").EnumerateArray().Select(k => Enum.Parse<ProductKind>(k.GetString()!))])).ToList();
        Assert.Equal(eligible.Append(cloudOnly).Select(e => e.Id).Order(), candidates.Select(c => c.ExpertId).Order());
        var rule = audit.GetProperty("rule");
        var again = PanelDraw.Draw(Convert.FromHexString(audit.GetProperty("seed").GetString()!), candidates, new PanelRule(
            rule.GetProperty("seats").GetInt32(),
            [.. rule.GetProperty("riskAreas").EnumerateArray().Select(a => Enum.Parse<RiskArea>(a.GetString()!))],
            [.. rule.GetProperty("productKinds").EnumerateArray().Select(k => Enum.Parse<ProductKind>(k.GetString()!))]));
        Assert.Equal(seated, Assert.IsType<PanelDrawOutcome.Drawn>(again).Experts);
        Assert.Equal(7, ((PanelDrawOutcome.Drawn)again).Eligible);
        Assert.Equal(seated, audit.GetProperty("drawn").EnumerateArray().Select(d => d.GetGuid()));
        Assert.Equal(64, audit.GetProperty("seed").GetString()!.Length);

        // Drawn experts now hold the case; the others do not learn it exists.
        foreach (var expert in eligible)
        {
            if (seated.Contains(expert.Id))
            {
                // Before their first access, the confidentiality terms (Features/Undertakings).
                Assert.Equal(HttpStatusCode.Forbidden, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
                await Undertakings.Undertakings.AcceptAsync(expert.Api, caseId);
            }
            var expected = seated.Contains(expert.Id) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.Equal(expected, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
            Assert.Equal(expected, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}/panel")).StatusCode);
        }
        foreach (var outsider in new[] { unavailable, cloudOnly, conflicted })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        var timeline = (await office.CaseAsync(caseId)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString());
        Assert.Contains("PanelDrawn", timeline);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_draw_never_seats_an_expert_with_a_tie_to_the_provider(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, providerId) = await CaseInEvaluationAsync(apps, engine);
        var experts = await ExpertsAsync(app, 6);
        foreach (var tied in experts[..3])
            await DeclareTieAsync(app, tied.Id, providerId);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var drawn = await DrawAsync(office.Http, caseId, new { seats = 3 });

        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        Assert.Equal(experts[3..].Select(e => e.Id).Order(), SeatedExperts(await drawn.Content.ReadFromJsonAsync<JsonElement>()).Order());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Too_few_eligible_experts_are_refused_with_how_many_there_were_and_nothing_is_saved(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 2);
        await ExpertAsync(app, areas: [RiskArea.SupplyChain], kinds: [ProductKind.CloudService]);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var refused = await DrawAsync(office.Http, caseId);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TooFewEligible", problem.GetProperty("refusal").GetString());
        Assert.Contains("Only 2 experts are eligible", problem.GetProperty("detail").GetString());
        Assert.Contains("5 seats", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.PanelDraws.CountAsync(d => d.CaseId == caseId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseMembers.CountAsync(m => m.CaseId == caseId && m.Part == CaseActor.Expert)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_draws_are_refused_with_the_reason(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 3);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        var even = await DrawAsync(office.Http, caseId, new { seats = 4 });
        var noAreas = await DrawAsync(office.Http, caseId, new { seats = 3, riskAreas = Array.Empty<string>() });
        var byProvider = await DrawAsync(provider.Http, caseId, new { seats = 3 });
        var first = await DrawAsync(office.Http, caseId, new { seats = 3 });
        var second = await DrawAsync(office.Http, caseId, new { seats = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, even.StatusCode);
        Assert.Contains("odd number of seats", (await even.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Seats")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noAreas.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byProvider.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("AlreadyDrawn", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());

        var (submitted, _) = await CaseInEvaluationAsync(apps, engine);
        await SetStateAsync(app, submitted, CaseState.Screening);
        var early = await DrawAsync(office.Http, submitted, new { seats = 3 });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("in evaluation", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_retried_draw_with_the_same_idempotency_key_draws_once(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 4);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var key = Guid.NewGuid().ToString();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/panel/draws") { Content = JsonContent.Create(new { seats = 3 }) };
            request.Headers.Add("Idempotency-Key", key);
            responses.Add(await office.Http.SendAsync(request));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.PanelDraws.CountAsync(d => d.CaseId == caseId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_who_declares_a_tie_after_the_draw_holds_up_expert_review_until_the_office_redraws_the_seat(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, providerId) = await CaseInEvaluationAsync(apps, engine);
        var experts = await ExpertsAsync(app, 4);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var seated = SeatedExperts(await (await DrawAsync(office.Http, caseId, new { seats = 3 })).Content.ReadFromJsonAsync<JsonElement>());
        var spare = experts.Single(e => !seated.Contains(e.Id));
        var tied = experts.First(e => seated.Contains(e.Id));

        await DeclareTieAsync(app, tied.Id, providerId);

        var panel = await PanelAsync(office.Http, caseId);
        Assert.Equal(1, panel.GetProperty("conflictedSeats").GetInt32());
        var start = await office.MoveAsync(caseId, "StartExpertReview");
        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("PanelFreeOfConflicts", (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));

        var replaced = await office.Http.PostAsync($"/api/v1/cases/{caseId}/panel/replacements", null);

        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        var after = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, after.GetProperty("conflictedSeats").GetInt32());
        Assert.Equal(seated.Where(id => id != tied.Id).Append(spare.Id).Order(), SeatedExperts(after).Order());
        Assert.All(after.GetProperty("draws").EnumerateArray(), d => Assert.True(d.GetProperty("reproduced").GetBoolean()));
        Assert.Equal(["Panel", "Replacement"], after.GetProperty("draws").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await tied.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await spare.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        await Undertakings.Undertakings.AcceptAsync(spare.Api, caseId);
        Assert.Equal(HttpStatusCode.OK, (await spare.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        var again = await office.Http.PostAsync($"/api/v1/cases/{caseId}/panel/replacements", null);
        Assert.Equal("NoConflictedSeats", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());
        // Only the missing institution now stands between the case and expert review.
        var next = await office.MoveAsync(caseId, "StartExpertReview");
        Assert.DoesNotContain("PanelFreeOfConflicts", (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_draws_on_the_panel_page_and_sees_the_draw_re_run(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 3);
        var office = await apps.SignedIn(engine, Role.Office);

        var form = await office.GetAsync($"/Panels?id={caseId}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("name=\"seats\"", form.Html);
        var tooMany = await office.PostFormAsync($"/Panels?id={caseId}&handler=Draw",
            [new("id", caseId.ToString()), new("seats", "5"), .. AllAreas.Select(a => new KeyValuePair<string, string>("riskAreas", a.ToString()))], formPage: $"/Panels?id={caseId}");
        Assert.Equal(HttpStatusCode.Conflict, tooMany.Status);
        Assert.Contains("Only 3 experts are eligible", tooMany.Html);
        var drawn = await office.PostFormAsync($"/Panels?id={caseId}&handler=Draw",
            [new("id", caseId.ToString()), new("seats", "3"), .. AllAreas.Select(a => new KeyValuePair<string, string>("riskAreas", a.ToString()))], formPage: $"/Panels?id={caseId}");
        Assert.Equal(HttpStatusCode.Redirect, drawn.Status);

        var page = await office.GetAsync($"/Panels?id={caseId}");
        Assert.Contains("Same panel", page.Html);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(page.Html, "data-expert="));
        Assert.DoesNotContain("name=\"seats\"", page.Html);
        Assert.Contains($"/Panels?id={caseId}", (await office.GetAsync($"/Cases/Case?id={caseId}")).Html);
    }
}
