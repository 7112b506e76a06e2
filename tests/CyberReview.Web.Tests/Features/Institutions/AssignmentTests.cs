using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Institutions.InstitutionApi;

namespace CyberReview.Web.Tests.Features.Institutions;

public sealed class AssignmentTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_assigned_institutions_evaluators_see_the_case_until_the_assignment_is_taken_back(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var evaluator = await CaseApi.ForAsync(apps, engine, Role.Evaluator);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync(caseId)).StatusCode);

        var key = Guid.NewGuid().ToString();
        var assigned = await AssignWithKeyAsync(office, caseId, laboratory, key);
        var retried = await AssignWithKeyAsync(office, caseId, laboratory, key);

        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var assignment = await assigned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(assignment.GetProperty("id").GetGuid(), (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(Laboratory, assignment.GetProperty("institution").GetString());
        Assert.Equal(["LaboratoryTesting", "OnSiteInspection"], assignment.GetProperty("activities").EnumerateArray().Select(a => a.GetString()));

        await Undertakings.Undertakings.AcceptAsync(evaluator.Http, caseId);
        var seen = await evaluator.CaseAsync(caseId);
        Assert.Contains("Evaluator", seen.GetProperty("yourParts").EnumerateArray().Select(p => p.GetString()));
        var list = await evaluator.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100&state=Evaluation");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        var institutions = await evaluator.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/institutions");
        Assert.Equal([laboratory], institutions.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("institutionId").GetGuid()));
        Assert.False(institutions.GetProperty("mayAssign").GetBoolean());
        Assert.Equal(["Opened", "StartScreening", "ScreenRequired", "InstitutionAssigned", "UndertakingAccepted"], await TimelineAsync(office, caseId));
        var evaluatorPage = await (await apps.SignedIn(engine, Role.Evaluator)).GetAsync($"/Cases/Case?id={caseId}");
        Assert.Equal(HttpStatusCode.OK, evaluatorPage.Status);
        Assert.Contains("data-testid=\"assigned-institution\"", evaluatorPage.Html);
        Assert.DoesNotContain("handler=Unassign", evaluatorPage.Html);

        // The workflow now counts the institution: what stands between the case and expert review is its report and a panel.
        var premature = await office.MoveAsync(caseId, "StartExpertReview");
        Assert.Equal(["ReportsSigned", "PanelDrawn"], (await premature.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unmet").EnumerateArray().Select(u => u.GetString()));
        // Only the office assigns, even among those who have a part in the case.
        await RefusedAsync(await AssignAsync(evaluator, caseId, laboratory, "OnlineMonitoring"), "NotYourPart");
        Assert.Equal(HttpStatusCode.Conflict, (await evaluator.Http.DeleteAsync($"/api/v1/cases/{caseId}/institutions/{laboratory}")).StatusCode);
        await RefusedAsync(await AssignAsync(office, caseId, laboratory, "OnlineMonitoring"), "AlreadyAssigned");

        var taken = await office.Http.DeleteAsync($"/api/v1/cases/{caseId}/institutions/{laboratory}?reason=" + Uri.EscapeDataString("Wrong laboratory for core routers."));
        Assert.Equal(HttpStatusCode.NoContent, taken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.Http.DeleteAsync($"/api/v1/cases/{caseId}/institutions/{laboratory}")).StatusCode);
        Assert.Equal(["Opened", "StartScreening", "ScreenRequired", "InstitutionAssigned", "UndertakingAccepted", "InstitutionUnassigned"], await TimelineAsync(office, caseId));
        Assert.Empty((await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/institutions")).GetProperty("items").EnumerateArray());
        // The record of the first assignment stays.
        Assert.Equal(1, await app.WithDbAsync(db => db.InstitutionAssignments.CountAsync(a => a.CaseId == caseId && a.UnassignedAt != null)));
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, laboratory, "BackgroundInvestigation")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_institution_is_refused_unless_its_designation_stands_today_and_covers_the_work(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var (provider, versions) = await NewProviderAsync(app, ProductKind.Hardware);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);

        var never = await NewInstitutionAsync(office);
        await RefusedAsync(await AssignAsync(office, caseId, never, "LaboratoryTesting"), "NotDesignated");

        var later = await NewInstitutionAsync(office);
        await DesignatedAsync(office, later, from: Today.AddDays(10));
        var notYet = await RefusedAsync(await AssignAsync(office, caseId, later, "LaboratoryTesting"), "NotYetDesignated");
        Assert.Contains(Iso(Today.AddDays(10)), notYet.GetProperty("detail").GetString());

        var lapsed = await NewInstitutionAsync(office);
        await ExpiredDesignationAsync(app, lapsed);
        var expired = await RefusedAsync(await AssignAsync(office, caseId, lapsed, "LaboratoryTesting"), "DesignationExpired");
        Assert.Contains(Iso(Today.AddDays(-10)), expired.GetProperty("detail").GetString());

        var withdrawn = await NewInstitutionAsync(office);
        var designation = await DesignatedAsync(office, withdrawn);
        Assert.Equal(HttpStatusCode.OK, (await office.Http.PostAsJsonAsync($"/api/v1/designations/{designation.GetProperty("id").GetGuid()}/end", new { reason = "Lost its accreditation." })).StatusCode);
        await RefusedAsync(await AssignAsync(office, caseId, withdrawn, "LaboratoryTesting"), "DesignationEnded");

        var narrow = await NewInstitutionAsync(office);
        await DesignatedAsync(office, narrow, activities: ["LaboratoryTesting", "OnlineMonitoring"]);
        var activities = await RefusedAsync(await AssignAsync(office, caseId, narrow, "LaboratoryTesting", "OnSiteInspection"), "ActivitiesNotCovered");
        Assert.Equal(["OnSiteInspection"], activities.GetProperty("particulars").GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("On-site inspection", activities.GetProperty("detail").GetString());

        var software = await NewInstitutionAsync(office);
        await DesignatedAsync(office, software, productKinds: ["Software", "CloudService"]);
        var kinds = await RefusedAsync(await AssignAsync(office, caseId, software, "LaboratoryTesting"), "ProductKindsNotCovered");
        Assert.Equal(["Hardware"], kinds.GetProperty("particulars").GetProperty("missing").EnumerateArray().Select(m => m.GetString()));

        var empty = await AssignAsync(office, caseId, narrow);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var unknown = await AssignAsync(office, caseId, provider, "LaboratoryTesting");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("InstitutionId", await unknown.Content.ReadAsStringAsync());

        // Nothing of the refused attempts was saved: no assignment, no grant, no timeline line.
        Assert.Equal(0, await app.WithDbAsync(db => db.InstitutionAssignments.CountAsync(a => a.CaseId == caseId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseMembers.CountAsync(m => m.CaseId == caseId && m.Part == Reviews.Cases.CaseActor.Evaluator)));
        Assert.Equal(["Opened", "StartScreening", "ScreenRequired"], await TimelineAsync(office, caseId));
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, narrow, "OnlineMonitoring")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Institutions_are_assigned_only_while_the_case_is_evaluated(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await SubmittedCaseAsync(office, provider, versions);
        await office.MovedAsync(caseId, "StartScreening");

        var screening = await RefusedAsync(await AssignAsync(office, caseId, laboratory, "LaboratoryTesting"), "NotNow");
        Assert.Contains("Screening", screening.GetProperty("detail").GetString());

        await office.MovedAsync(caseId, "ScreenRequired", "Art. 2 applies.");
        var asked = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/questions", new { question = "Who builds the firmware?" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, laboratory, "BackgroundInvestigation")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Conflicts_of_interest_rule_an_institution_out_and_say_which_rule_without_naming_anyone(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var admin = await CaseApi.ForAsync(apps, engine, Role.Administrator);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);
        var name = $"Conflicted laboratory {Guid.NewGuid():N}";
        var institution = await NewInstitutionAsync(office, name);
        await DesignatedAsync(office, institution);
        var (_, evaluator, _) = await NewEvaluatorAsync(apps, engine, name);
        using var _evaluator = evaluator;
        var declaration = await DeclareAsync(evaluator, provider, "FinancialInterest", "Holds shares bought in 2019.");

        var refused = await RefusedAsync(await AssignAsync(office, caseId, institution, "LaboratoryTesting"), "EvaluatorsConflicted");

        Assert.Equal(1, refused.GetProperty("particulars").GetProperty("count").GetInt32());
        Assert.Contains("declared tie", refused.GetProperty("detail").GetString());
        Assert.DoesNotContain("shares", refused.GetProperty("detail").GetString());
        Assert.DoesNotContain("Test Evaluator", refused.GetRawText());

        Assert.Equal(HttpStatusCode.OK, (await evaluator.Http.PostAsync($"/api/v1/declarations/{declaration}/withdrawal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, institution, "LaboratoryTesting")).StatusCode);
        await Undertakings.Undertakings.AcceptAsync(evaluator.Http, caseId);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(caseId)).StatusCode);

        // An organisation that is both the provider and a designated institution never evaluates its own product.
        var (own, ownVersions) = await NewProviderAsync(app);
        var ownCase = await CaseInEvaluationAsync(office, own, ownVersions);
        await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == own).ExecuteUpdateAsync(o => o.SetProperty(x => x.Kind, OrganisationKind.Institution)));
        await DesignatedAsync(office, own);
        var same = await RefusedAsync(await AssignAsync(office, ownCase, own, "LaboratoryTesting"), "SameOrganisation");
        Assert.Contains("same organisation", same.GetProperty("detail").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_evaluator_with_a_declared_tie_does_not_see_the_case_though_their_institution_is_assigned(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var colleague = await CaseApi.ForAsync(apps, engine, Role.Evaluator);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(office, caseId, laboratory, "OnSiteInspection")).StatusCode);
        var (pages, evaluator, _) = await NewEvaluatorAsync(apps, engine, Laboratory);
        using var _evaluator = evaluator;
        await Undertakings.Undertakings.AcceptAsync(evaluator.Http, caseId);
        await Undertakings.Undertakings.AcceptAsync(colleague.Http, caseId);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(caseId)).StatusCode);

        var declaration = await DeclareAsync(evaluator, provider, "Family");

        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.GetAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Cases/Case?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.Http.GetAsync($"/api/v1/cases/{caseId}/institutions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await evaluator.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/questions", new { question = "?" })).StatusCode);
        var list = await evaluator.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == caseId);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync(caseId)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await evaluator.Http.PostAsync($"/api/v1/declarations/{declaration}/withdrawal", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await evaluator.GetAsync(caseId)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task People_outside_a_case_get_404_on_its_institutions(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(office, provider, versions);

        foreach (var role in new[] { Role.Provider, Role.Evaluator, Role.Expert, Role.Committee, Role.SectorAuthority })
        {
            using var outsider = await CaseApi.ForAsync(apps, engine, role);
            Assert.True(HttpStatusCode.NotFound == (await outsider.Http.GetAsync($"/api/v1/cases/{caseId}/institutions")).StatusCode, role.ToString());
            Assert.True(HttpStatusCode.NotFound == (await AssignAsync(outsider, caseId, laboratory, "LaboratoryTesting")).StatusCode, role.ToString());
            Assert.True(HttpStatusCode.NotFound == (await outsider.Http.DeleteAsync($"/api/v1/cases/{caseId}/institutions/{laboratory}")).StatusCode, role.ToString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await AssignAsync(office, Guid.NewGuid(), laboratory, "LaboratoryTesting")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await apps.SignedIn(engine, Role.Office)).GetAsync($"/Institutions/Assign?caseId={Guid.NewGuid()}")).Status);
        var evaluatorPage = await (await apps.SignedIn(engine, Role.Evaluator)).GetAsync($"/Institutions/Assign?caseId={caseId}");
        Assert.StartsWith("/Account/AccessDenied", evaluatorPage.RedirectPath);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_assigns_on_the_assign_page_sees_refusals_there_and_takes_back_from_the_case_page(Database engine)
    {
        var app = await apps.For(engine);
        using var api = await CaseApi.ForAsync(apps, engine, Role.Office);
        var laboratory = await DesignatedLaboratoryAsync(apps, engine);
        var narrow = await NewInstitutionAsync(api, $"Narrow laboratory {Guid.NewGuid():N}");
        await DesignatedAsync(api, narrow, activities: ["OnlineMonitoring"]);
        var (provider, versions) = await NewProviderAsync(app);
        var caseId = await CaseInEvaluationAsync(api, provider, versions);
        var office = await apps.SignedIn(engine, Role.Office);
        var assignPage = $"/Institutions/Assign?caseId={caseId}";

        var casePage = await office.GetAsync($"/Cases/Case?id={caseId}");
        Assert.Contains($"href=\"{assignPage}\"", casePage.Html);
        var form = await office.GetAsync(assignPage);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"value=\"{laboratory}\"", form.Html);
        Assert.Contains($"value=\"{narrow}\"", form.Html);

        var refused = await office.PostFormAsync($"{assignPage}&handler=Assign",
            [new("caseId", caseId.ToString()), new("InstitutionId", narrow.ToString()), new("Activities", "OnSiteInspection")], formPage: assignPage);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("The institution is not designated for: On-site inspection.", refused.Html);
        var none = await office.PostFormAsync($"{assignPage}&handler=Assign", [new("caseId", caseId.ToString()), new("InstitutionId", narrow.ToString())], formPage: assignPage);
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.Contains("Choose at least one activity", none.Html);

        var assigned = await office.PostFormAsync($"{assignPage}&handler=Assign",
            [new("caseId", caseId.ToString()), new("InstitutionId", laboratory.ToString()), new("Activities", "LaboratoryTesting"), new("Activities", "BackgroundInvestigation")], formPage: assignPage);
        Assert.Equal(HttpStatusCode.Redirect, assigned.Status);
        Assert.Equal($"/Cases/Case?id={caseId}#institutions", assigned.RedirectPath);
        var withInstitution = await office.GetAsync($"/Cases/Case?id={caseId}");
        Assert.Contains("Laboratory testing, Background investigation", withInstitution.Html);
        Assert.Contains("Assigned an institution", withInstitution.Html);

        var taken = await office.PostFormAsync("/Institutions/Assign?handler=Unassign",
            [new("caseId", caseId.ToString()), new("institutionId", laboratory.ToString()), new("reason", "Assigned by mistake.")], formPage: $"/Cases/Case?id={caseId}");
        Assert.Equal(HttpStatusCode.Redirect, taken.Status);
        var after = await office.GetAsync($"/Cases/Case?id={caseId}");
        Assert.Contains("No institution is assigned yet.", after.Html);
        Assert.Contains("Assigned by mistake.", after.Html);
    }

    private static async Task<HttpResponseMessage> AssignWithKeyAsync(CaseApi office, Guid caseId, Guid institution, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/institutions")
        {
            Content = JsonContent.Create(new { institutionId = institution, activities = new[] { "OnSiteInspection", "LaboratoryTesting" } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await office.Http.SendAsync(request);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
