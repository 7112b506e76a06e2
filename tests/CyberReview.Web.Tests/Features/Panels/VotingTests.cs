using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Tests.Features.Cases;
using static CyberReview.Web.Tests.Features.Panels.PanelSetup;

namespace CyberReview.Web.Tests.Features.Panels;

[Collection(ExpertPool.Name)]
public sealed class VotingTests(Apps apps)
{
    private static DateOnly Today => ReviewDay.Today;

    // A case whose three-seat panel is in expert review: the experts on it, by seat.
    private async Task<(Guid CaseId, List<TestExpert> Seated)> PanelInReviewAsync(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        var experts = await ExpertsAsync(app, 3);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.Created, (await DrawAsync(office.Http, caseId, new { seats = 3 })).StatusCode);
        await SetStateAsync(app, caseId, CaseState.ExpertReview);
        foreach (var expert in experts)
            await Undertakings.Undertakings.AcceptAsync(expert.Api, caseId);
        return (caseId, experts);
    }

    private static async Task VoteAsync(TestExpert expert, Guid caseId, string vote)
    {
        var opinions = await expert.Api.PutAsJsonAsync($"/api/v1/cases/{caseId}/panel/opinions", AllOpinions());
        Assert.Equal(HttpStatusCode.OK, opinions.StatusCode);
        var voted = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { vote, reasoning = "On the whole of the evaluation report." });
        Assert.True(voted.StatusCode == HttpStatusCode.OK, await voted.Content.ReadAsStringAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Experts_give_an_opinion_on_every_risk_area_before_a_final_vote(Database engine)
    {
        var (caseId, experts) = await PanelInReviewAsync(engine);
        var expert = experts[0];

        var early = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { vote = "Pass" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("OpinionsMissing", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());

        var blank = await expert.Api.PutAsJsonAsync($"/api/v1/cases/{caseId}/panel/opinions",
            new { opinions = new[] { new { riskArea = "SupplyChain", rating = "Acceptable", reasoning = " " } } });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        var missingVote = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { reasoning = "?" });
        Assert.Equal(HttpStatusCode.BadRequest, missingVote.StatusCode);

        var partial = await expert.Api.PutAsJsonAsync($"/api/v1/cases/{caseId}/panel/opinions",
            new { opinions = new[] { new { riskArea = "SupplyChain", rating = "Unacceptable", reasoning = "Firmware signing keys are held by a third party." } } });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var stillMissing = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { vote = "Fail" });
        Assert.Contains("Illegal control", (await stillMissing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        await VoteAsync(expert, caseId, "Fail");

        var again = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { vote = "Pass" });
        Assert.Equal("AlreadyVoted", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());
        var revise = await expert.Api.PutAsJsonAsync($"/api/v1/cases/{caseId}/panel/opinions", AllOpinions("Unacceptable"));
        Assert.Equal(HttpStatusCode.Conflict, revise.StatusCode);
        var own = (await PanelAsync(expert.Api, caseId)).GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("expertId").GetGuid() == expert.Id);
        Assert.Equal("Fail", own.GetProperty("vote").GetString());
        // The later full set replaced the first supply-chain opinion; voting froze them.
        Assert.Equal("Acceptable", own.GetProperty("opinions").EnumerateArray().Single(o => o.GetProperty("riskArea").GetString() == "SupplyChain").GetProperty("rating").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_timeline_keeps_who_voted_from_the_provider_but_not_from_the_office(Database engine)
    {
        var (caseId, experts) = await PanelInReviewAsync(engine);
        await VoteAsync(experts[0], caseId, "Pass");
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        static async Task<List<JsonElement>> ExpertLinesAsync(HttpClient api, Guid caseId) =>
            [.. (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("timeline").EnumerateArray()
                .Where(e => e.GetProperty("part").GetString() == "Expert")];

        var seenByOffice = await ExpertLinesAsync(office.Http, caseId);
        var seenByProvider = await ExpertLinesAsync(provider.Http, caseId);
        // Each seated expert accepted the confidentiality terms before the first access (Features/Undertakings).
        Assert.Equal(["UndertakingAccepted", "UndertakingAccepted", "UndertakingAccepted", "OpinionsGiven", "Voted"], seenByOffice.Select(e => e.GetProperty("what").GetString()));
        Assert.All(seenByOffice, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("actor").GetString())));
        Assert.Equal(["UndertakingAccepted", "UndertakingAccepted", "UndertakingAccepted", "OpinionsGiven", "Voted"], seenByProvider.Select(e => e.GetProperty("what").GetString()));
        Assert.All(seenByProvider, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("actor").ValueKind));
        var page = await (await apps.SignedIn(engine, Role.Provider)).GetAsync($"/Cases/Case?id={caseId}");
        Assert.DoesNotContain(seenByOffice[0].GetProperty("actor").GetString()!, page.Html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_sees_the_others_votes_only_after_casting_their_own(Database engine)
    {
        var (caseId, experts) = await PanelInReviewAsync(engine);
        await VoteAsync(experts[0], caseId, "Pass");

        var before = await PanelAsync(experts[1].Api, caseId);
        var firstSeen = before.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("expertId").GetGuid() == experts[0].Id);
        Assert.True(firstSeen.GetProperty("voted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, firstSeen.GetProperty("vote").ValueKind);
        Assert.Equal(JsonValueKind.Null, firstSeen.GetProperty("opinions").ValueKind);

        await VoteAsync(experts[1], caseId, "Pass");

        var after = await PanelAsync(experts[1].Api, caseId);
        Assert.Equal("Pass", after.GetProperty("seats").EnumerateArray().Single(s => s.GetProperty("expertId").GetGuid() == experts[0].Id).GetProperty("vote").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_panel_that_agrees_lets_the_office_record_what_it_agreed(Database engine)
    {
        var (caseId, experts) = await PanelInReviewAsync(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var versions = (await office.CaseAsync(caseId)).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToArray();
        await VoteAsync(experts[0], caseId, "Pass");
        await VoteAsync(experts[1], caseId, "Fail");

        var pending = await PanelAsync(office.Http, caseId);
        Assert.Equal("Pending", pending.GetProperty("verdict").GetString());
        var tooSoon = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions",
            new { outcome = "Pass", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(2), visibility = "Public" });
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("PanelAgreed", (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));

        await VoteAsync(experts[2], caseId, "Pass");

        // Two of three is the default qualified majority of 2/3.
        var agreed = await PanelAsync(office.Http, caseId);
        Assert.Equal("Agreed", agreed.GetProperty("verdict").GetString());
        Assert.Equal("Pass", agreed.GetProperty("agreedOn").GetString());
        var otherwise = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new { outcome = "Fail", versionIds = versions, visibility = "Public" });
        Assert.Equal(HttpStatusCode.BadRequest, otherwise.StatusCode);
        Assert.Contains("panel agreed", (await otherwise.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Outcome")[0].GetString());
        var escalate = await office.MoveAsync(caseId, "Escalate", "Try the committee anyway.");
        Assert.Equal(HttpStatusCode.Conflict, escalate.StatusCode);

        var decided = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions",
            new { outcome = "Pass", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(2), visibility = "Public" });

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var details = await office.CaseAsync(caseId);
        Assert.Equal("Decided", details.GetProperty("state").GetString());
        var timeline = details.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Equal(["PanelDrawn", "UndertakingAccepted", "UndertakingAccepted", "UndertakingAccepted", "OpinionsGiven", "Voted", "OpinionsGiven", "Voted", "OpinionsGiven", "Voted", "PanelAgreed", "RecordDecision"], timeline.SkipWhile(w => w != "PanelDrawn"));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_divided_panel_goes_to_the_committee_which_decides_with_its_reasons(Database engine)
    {
        var (caseId, experts) = await PanelInReviewAsync(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var committeePages = await apps.SignedIn(engine, Role.Committee);
        var versions = (await office.CaseAsync(caseId)).GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("id").GetGuid()).ToArray();
        await VoteAsync(experts[0], caseId, "Pass");
        await VoteAsync(experts[1], caseId, "PassWithConditions");
        await VoteAsync(experts[2], caseId, "Fail");
        Assert.Equal("Disagreed", (await PanelAsync(office.Http, caseId)).GetProperty("verdict").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committeePages.GetAsync($"/Cases/Case?id={caseId}")).Status);

        var officeDecides = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new { outcome = "Fail", versionIds = versions, visibility = "Public" });
        Assert.Equal(HttpStatusCode.Conflict, officeDecides.StatusCode);
        Assert.Equal("Escalated", (await office.MovedAsync(caseId, "Escalate", "Three experts, three outcomes.")).GetProperty("state").GetString());

        Assert.Equal(HttpStatusCode.OK, (await committeePages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        var panel = await PanelAsync(committee.Http, caseId);
        Assert.All(panel.GetProperty("seats").EnumerateArray(), s => Assert.Equal(5, s.GetProperty("opinions").GetArrayLength()));
        var unexplained = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions",
            new { outcome = "PassWithConditions", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(1), visibility = "Government",
                conditions = new[] { new { text = "Move firmware signing keys in-house.", deadline = Today.AddMonths(6) } } });
        Assert.Equal(HttpStatusCode.Conflict, unexplained.StatusCode);
        Assert.Equal(["ReasonGiven"], (await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));

        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions",
            new { outcome = "PassWithConditions", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(1), visibility = "Government",
                conditions = new[] { new { text = "Move firmware signing keys in-house.", deadline = Today.AddMonths(6) } },
                reason = "The supply-chain risk is real but can be mitigated within six months." });

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var decision = Assert.Single((await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions").EnumerateArray());
        Assert.Equal("Committee", decision.GetProperty("part").GetString());
        Assert.Equal("Move firmware signing keys in-house.", decision.GetProperty("conditions")[0].GetProperty("text").GetString());
        Assert.Equal("Decided", (await office.CaseAsync(caseId)).GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_gives_opinions_and_votes_on_the_panel_page(Database engine)
    {
        var app = await apps.For(engine);
        var (caseId, experts) = await PanelInReviewAsync(engine);
        var expert = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.SignInAsync(experts[0].Email, experts[0].Password)).Status);
        var page = $"/Panels?id={caseId}";

        var form = await expert.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("name=\"Opinions[4].Reasoning\"", form.Html);
        var early = await expert.PostFormAsync($"{page}&handler=Vote", [new("id", caseId.ToString()), new("vote", "Pass")], formPage: page);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("Give your opinion on every risk area", early.Html);

        var fields = new List<KeyValuePair<string, string>> { new("id", caseId.ToString()) };
        foreach (var (area, i) in AllAreas.Select((a, i) => (a, i)))
        {
            fields.Add(new($"Opinions[{i}].RiskArea", area.ToString()));
            fields.Add(new($"Opinions[{i}].Rating", "AcceptableWithConditions"));
            fields.Add(new($"Opinions[{i}].Reasoning", $"Page opinion on {area}."));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostFormAsync($"{page}&handler=Opinions", fields, formPage: page)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.PostFormAsync($"{page}&handler=Vote", [new("id", caseId.ToString()), new("vote", "PassWithConditions")], formPage: page)).Status);

        var after = await expert.GetAsync(page);
        Assert.Contains("Page opinion on SupplyChain.", after.Html);
        Assert.DoesNotContain("name=\"Opinions[0].Reasoning\"", after.Html);
        Assert.Contains("Pass with conditions", after.Html);
    }
}
