using System.Net;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using CyberReview.Web.Tests.Features.Panels;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Institutions.InstitutionApi;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>
/// Removing someone from a case takes effect on their very next request, by cookie (pages) and by personal access
/// token (API) alike: nothing remembers their access between requests.
/// </summary>
public sealed class AccessRemovalTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_whose_institution_is_unassigned_gets_404_on_the_next_page_and_API_request(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, laboratory, "LaboratoryTesting")).StatusCode);
        var (pages, api, _) = await NewEvaluatorAsync(apps, engine, Laboratory);
        await Undertakings.Undertakings.AcceptAsync(pages, caseId);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Evaluation?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync($"/api/v1/cases/{caseId}/activities")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await office.Http.DeleteAsync($"/api/v1/cases/{caseId}/institutions/{laboratory}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Evaluation?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/v1/cases/{caseId}/activities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Undertakings/Accept?caseId={caseId}")).Status);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_whose_grant_is_removed_gets_404_on_the_next_page_and_API_request(Database engine)
    {
        var app = await apps.For(engine);
        var caseId = await EvaluationCases.InEvaluationAsync(apps, engine);
        var expert = await PanelSetup.ExpertAsync(app, available: false);
        var pages = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(expert.Email, expert.Password)).Status);
        var grant = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.CaseMembers.Add(new() { Id = grant, CaseId = caseId, Part = CaseActor.Expert, UserId = expert.Id, GrantedAt = TimeProvider.System.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        await Undertakings.Undertakings.AcceptAsync(expert.Api, caseId);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        // As a panel seat's release does (Features/Panels): the grant goes, in its own transaction.
        await app.WithDbAsync(db => db.CaseMembers.Where(m => m.Id == grant).ExecuteDeleteAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}/panel")).StatusCode);
    }
}
