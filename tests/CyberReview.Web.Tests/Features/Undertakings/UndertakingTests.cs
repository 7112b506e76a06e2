using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Audit;
using CyberReview.Data.Cases;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Tests.Features.Audit;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;
using CyberReview.Web.Tests.Features.Panels;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Undertakings;

/// <summary>
/// Art. 13: evaluators and experts accept a case's confidentiality terms before their first access to it. Until then
/// every page of the case sends them to the terms and every endpoint answers 403 naming the undertaking; outsiders
/// still learn nothing.
/// </summary>
public sealed class UndertakingTests(Apps apps)
{
    private const string ProblemType = "https://cyberreview.local/problems/undertaking-required";

    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_meets_the_terms_on_every_page_and_endpoint_of_the_case_until_accepting_them(Database engine)
    {
        var app = await apps.For(engine);
        var (institution, pages) = await EvaluationCases.InstitutionAsync(apps, engine);
        var caseId = await InEvaluationWithoutAcceptanceAsync(app, institution);
        using var api = await CaseApi.ForAsync(app, pages);

        foreach (var path in new[] { $"/Cases/Case?id={caseId}", $"/Evaluation?id={caseId}", $"/Evidence?id={caseId}" })
        {
            var held = await pages.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.Status);
            Assert.StartsWith($"/Undertakings/Accept?caseId={caseId}&returnUrl=", held.RedirectPath, StringComparison.Ordinal);
        }
        foreach (var path in new[] { $"/api/v1/cases/{caseId}", $"/api/v1/cases/{caseId}/activities", $"/api/v1/cases/{caseId}/attachments" })
        {
            var refused = await api.Http.GetAsync(path);
            var problem = await EvaluationClient.ProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal(ProblemType, problem.GetProperty("type").GetString());
            Assert.Equal("POST", problem.GetProperty("accept").GetProperty("method").GetString());
            Assert.Equal($"/api/v1/cases/{caseId}/undertaking", problem.GetProperty("accept").GetProperty("href").GetString());
            Assert.Equal(Undertakings.TermsVersion, problem.GetProperty("termsVersion").GetString());
        }
        // A write is held too, and nothing of it is done.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/activities", EvaluationCases.LaboratoryPlan())).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvaluationActivities.CountAsync(a => a.CaseId == caseId)));

        var terms = await EvaluationClient.OkAsync(await api.Http.GetAsync($"/api/v1/cases/{caseId}/undertaking"));
        Assert.True(terms.GetProperty("required").GetBoolean());
        Assert.Equal(JsonValueKind.Null, terms.GetProperty("accepted").ValueKind);
        Assert.Contains("Article 13", terms.GetProperty("terms").GetString(), StringComparison.Ordinal);

        var returnUrl = $"/Evaluation?id={caseId}";
        var page = await pages.GetAsync($"/Undertakings/Accept?caseId={caseId}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Article 13", page.Html, StringComparison.Ordinal);
        Assert.Contains($"data-terms-version=\"{Undertakings.TermsVersion}\"", page.Html, StringComparison.Ordinal);
        var unticked = await pages.PostFormAsync($"/Undertakings/Accept?caseId={caseId}", [new("returnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.BadRequest, unticked.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);

        var accepted = await pages.PostFormAsync($"/Undertakings/Accept?caseId={caseId}", [new("accepted", "true"), new("returnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal(returnUrl, accepted.RedirectPath);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync(returnUrl)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(caseId)).StatusCode);
        // Accepted once: the page sends them straight on.
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync($"/Undertakings/Accept?caseId={caseId}")).Status);

        var userId = await app.WithDbAsync(db => db.UndertakingAcceptances.Where(a => a.CaseId == caseId).Select(a => a.UserId).SingleAsync());
        var acceptance = await app.WithDbAsync(db => db.UndertakingAcceptances.SingleAsync(a => a.CaseId == caseId));
        Assert.Equal(Undertakings.TermsVersion, acceptance.TermsVersion);
        Assert.Equal(CaseActor.Evaluator, acceptance.Part);
        var line = await app.WithDbAsync(db => db.CaseEvents.SingleAsync(e => e.CaseId == caseId && e.What == "UndertakingAccepted"));
        Assert.Equal(userId, line.ActorId);
        Assert.Equal(Undertakings.TermsVersion, line.Reason);
        var trail = await AuditEvents.OfCaseAsync(app, caseId);
        Assert.Contains(trail, e => e.Action == "undertaking.accept" && e.ActorId == userId && e.ObjectId == acceptance.Id && e.Outcome == AuditOutcome.Allowed);
        Assert.Contains(trail, e => e.Action == "case.undertaking-required" && e.ActorId == userId && e.Outcome == AuditOutcome.Denied);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_accepts_through_the_API_once_and_accepting_again_returns_the_first_acceptance(Database engine)
    {
        var app = await apps.For(engine);
        var caseId = await EvaluationCases.InEvaluationAsync(apps, engine);
        // Not available for draws: the panel tests count the pool.
        var expert = await PanelSetup.ExpertAsync(app, available: false);
        await GrantAsync(app, caseId, CaseActor.Expert, expert.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        var unticked = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = false });
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        var first = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = true });
        var again = await expert.Api.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = true });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var acceptance = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(acceptance.GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("Expert", acceptance.GetProperty("part").GetString());
        Assert.Equal(Undertakings.TermsVersion, acceptance.GetProperty("termsVersion").GetString());
        Assert.Equal(HttpStatusCode.OK, (await expert.Api.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.UndertakingAcceptances.CountAsync(a => a.CaseId == caseId && a.UserId == expert.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.What == "UndertakingAccepted")));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Outsiders_get_404_on_the_terms_and_parts_that_need_not_accept_go_straight_in(Database engine)
    {
        var app = await apps.For(engine);
        var caseId = await EvaluationCases.InEvaluationAsync(apps, engine);
        var outsider = await apps.SignedIn(engine, Role.Evaluator);
        using var outsiderApi = await CaseApi.ForAsync(app, outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Undertakings/Accept?caseId={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.Http.GetAsync($"/api/v1/cases/{caseId}/undertaking")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderApi.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Cases/Case?id={caseId}")).Status);

        var office = await apps.SignedIn(engine, Role.Office);
        using var officeApi = await CaseApi.ForAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await officeApi.GetAsync(caseId)).StatusCode);
        Assert.False((await EvaluationClient.OkAsync(await officeApi.Http.GetAsync($"/api/v1/cases/{caseId}/undertaking"))).GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await officeApi.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/undertaking", new { accepted = true })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.UndertakingAcceptances.CountAsync(a => a.CaseId == caseId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_terms_are_shown_in_chinese(Database engine)
    {
        var app = await apps.For(engine);
        var (institution, pages) = await EvaluationCases.InstitutionAsync(apps, engine);
        var caseId = await InEvaluationWithoutAcceptanceAsync(app, institution);

        var page = await pages.GetAsync($"/Undertakings/Accept?caseId={caseId}", "zh-CN");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("第十三条", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Article 13", page.Html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_evaluator_and_expert_have_accepted_the_terms_of_their_cases(Database engine)
    {
        var app = await apps.For(engine);
        var evaluator = await AuditEvents.UserIdAsync(app, app.SignInFor(Role.Evaluator).Email);
        var expert = await AuditEvents.UserIdAsync(app, app.SignInFor(Role.Expert).Email);
        var demoCases = await app.WithDbAsync(db => db.Cases.Where(c => c.Members.Any(m => m.UserId == expert && m.Part == CaseActor.Expert)).Select(c => c.Id).ToListAsync());
        Assert.NotEmpty(demoCases);
        foreach (var (user, part) in new[] { (evaluator, CaseActor.Evaluator), (expert, CaseActor.Expert) })
        {
            var acceptances = await app.WithDbAsync(db => db.UndertakingAcceptances.CountAsync(a => a.UserId == user && a.Part == part));
            Assert.True(acceptances > 0, $"{part}: no acceptance");
        }
        var expertPages = await apps.SignedIn(engine, Role.Expert);
        Assert.Equal(HttpStatusCode.OK, (await expertPages.GetAsync($"/Cases/Case?id={demoCases[0]}")).Status);
    }

    private async Task<Guid> InEvaluationWithoutAcceptanceAsync(CyberReviewApp app, string institution)
    {
        var caseId = await EvaluationCases.InEvaluationAsync(apps, app.Engine);
        await EvaluationCases.GrantAsync(app, caseId, CaseActor.Evaluator, institution, acceptTerms: false);
        return caseId;
    }

    private static Task<int> GrantAsync(CyberReviewApp app, Guid caseId, CaseActor part, Guid userId) =>
        app.WithDbAsync(async db =>
        {
            db.CaseMembers.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = caseId, Part = part, UserId = userId, GrantedAt = TimeProvider.System.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
}
