using System.Net;
using System.Net.Http.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using static CyberReview.Web.Tests.Features.Panels.PanelSetup;

namespace CyberReview.Web.Tests.Features.Panels;

/// <summary>Nobody outside a case learns of its panel or decisions; inside it, the panel is for the office, the committee and its experts only.</summary>
[Collection(ExpertPool.Name)]
public sealed class PanelAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Outsiders_get_404_on_every_panel_and_decision_page_and_endpoint(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 3);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        Assert.Equal(System.Net.HttpStatusCode.Created, (await DrawAsync(office.Http, caseId, new { seats = 3 })).StatusCode);
        var drawId = (await PanelAsync(office.Http, caseId)).GetProperty("draws")[0].GetProperty("id").GetGuid();
        var unseated = await ExpertAsync(app);
        var unseatedPages = PageClient.For(app);
        await unseatedPages.SignInAsync(unseated.Email, unseated.Password);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, "Contoso Cloud Co.");
        var otherProvider = PageClient.For(app);
        await otherProvider.SignInAsync(email, password);

        var outsiders = new List<(string Who, PageClient Pages)>
        {
            ("another provider", otherProvider),
            ("an expert on another panel", unseatedPages),
            ("an evaluator not assigned", await apps.SignedIn(engine, Role.Evaluator)),
            ("a committee member before any escalation", await apps.SignedIn(engine, Role.Committee)),
            ("a sector authority of no sector", await apps.SignedIn(engine, Role.SectorAuthority)),
        };
        foreach (var (who, pages) in outsiders)
        {
            Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync($"/Panels?id={caseId}")).Status, who);
            Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync($"/Decisions?id={caseId}")).Status, who);
            using var api = await CaseApi.ForAsync(app, pages);
            foreach (var response in new[]
            {
                await api.Http.GetAsync($"/api/v1/cases/{caseId}/panel"),
                await api.Http.GetAsync($"/api/v1/cases/{caseId}/panel/draws/{drawId}"),
                await api.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/draws", new { seats = 3 }),
                await api.Http.PostAsync($"/api/v1/cases/{caseId}/panel/replacements", null),
                await api.Http.PutAsJsonAsync($"/api/v1/cases/{caseId}/panel/opinions", AllOpinions()),
                await api.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/panel/votes", new { vote = "Pass" }),
                await api.Http.GetAsync($"/api/v1/cases/{caseId}/decisions"),
                await api.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new { outcome = "Fail", versionIds = Array.Empty<Guid>(), visibility = "Public" }),
            })
            {
                Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{who}: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} gave {response.StatusCode}");
            }
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_sees_its_cases_decisions_but_not_who_sits_on_the_panel(Database engine)
    {
        var app = await apps.For(engine);
        await EmptyPoolAsync(app);
        var (caseId, _) = await CaseInEvaluationAsync(apps, engine);
        await ExpertsAsync(app, 3);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        await DrawAsync(office.Http, caseId, new { seats = 3 });
        var provider = await apps.SignedIn(engine, Role.Provider);
        using var providerApi = await CaseApi.ForAsync(apps, engine, Role.Provider);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/Panels?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await providerApi.Http.GetAsync($"/api/v1/cases/{caseId}/panel")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"/Decisions?id={caseId}")).Status);
        var casePage = await provider.GetAsync($"/Cases/Case?id={caseId}");
        Assert.DoesNotContain("/Panels?id=", casePage.Html);
        Assert.Contains("/Decisions?id=", casePage.Html);
    }
}
