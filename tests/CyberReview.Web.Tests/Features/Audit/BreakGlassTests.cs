using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Evaluation;

namespace CyberReview.Web.Tests.Features.Audit;

/// <summary>Office staff who do not handle a case state a purpose before they see it; the committee sees those accesses flagged.</summary>
public sealed class BreakGlassTests(Apps apps)
{
    private const string Office = "Cybersecurity Review Office";
    private const string Reason = "Ministry enquiry 2026-114 asks about the pending reviews of this provider";

    [Theory, ClassData(typeof(Databases))]
    public async Task A_colleague_who_does_not_handle_the_case_states_a_purpose_on_a_page_and_the_access_is_flagged(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.ScreeningAsync(apps, engine);
        var number = await AuditEvents.NumberOfAsync(app, id);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Office, Office);
        var colleague = PageClient.For(app);
        await colleague.SignInAsync(email, password);

        // The list still shows the case: screening needs it.
        Assert.Contains(id.ToString(), (await colleague.GetAsync("/Cases?search=" + Uri.EscapeDataString(number))).Html);
        var prompted = await colleague.GetAsync($"/Cases/Case?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, prompted.Status);
        Assert.StartsWith("/Audit/Purpose?caseId=" + id, prompted.RedirectPath);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.GetAsync($"/Evaluation?id={id}")).Status);
        var form = await colleague.GetAsync(prompted.RedirectPath!);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("Why do you need this case?", form.Html);
        Assert.Contains("<label for=\"purpose\"", form.Html);

        var empty = await colleague.PostFormAsync(prompted.RedirectPath!, [new("caseId", id.ToString()), new("returnUrl", $"/Cases/Case?id={id}"), new("Purpose", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await colleague.GetAsync($"/Cases/Case?id={id}")).Status);
        var elsewhere = await colleague.PostFormAsync(prompted.RedirectPath!, [new("caseId", id.ToString()), new("returnUrl", "https://evil.example/"), new("Purpose", Reason)]);
        Assert.Equal($"/Cases/Case?id={id}", elsewhere.RedirectPath);

        var opened = await colleague.GetAsync($"/Cases/Case?id={id}");
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Contains(number, opened.Html);

        var colleagueId = await AuditEvents.UserIdAsync(app, email);
        var events = (await AuditEvents.OfCaseAsync(app, id)).Where(e => e.ActorId == colleagueId).ToList();
        var stated = Assert.Single(events, e => e.Action == "case.break-glass");
        Assert.Equal(Reason, stated.Purpose);
        Assert.True(stated.BreakGlass);
        var view = Assert.Single(events, e => e.Action == "case.view");
        Assert.True(view.BreakGlass);
        Assert.Equal(Reason, view.Purpose);

        // The handler who screens it is not asked; the committee sees the flagged accesses.
        Assert.Equal(HttpStatusCode.OK, (await (await apps.SignedIn(engine, Role.Office)).GetAsync($"/Cases/Case?id={id}")).Status);
        var committee = await apps.SignedIn(engine, Role.Committee);
        var flagged = await committee.GetAsync($"/Audit?breakGlass=true&caseText={Uri.EscapeDataString(number)}");
        Assert.Equal(HttpStatusCode.OK, flagged.Status);
        Assert.Contains(Reason, flagged.Html);
        Assert.Contains($"data-sequence=\"{view.Sequence}\" data-break-glass=\"true\"", flagged.Html);
        Assert.DoesNotContain("data-break-glass=\"false\"", flagged.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task On_the_api_a_colleague_gets_403_until_the_purpose_header_states_why(Database engine)
    {
        var app = await apps.For(engine);
        var id = await EvaluationCases.ScreeningAsync(apps, engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Office, Office);
        var colleague = PageClient.For(app);
        await colleague.SignInAsync(email, password);
        using var api = await CaseApi.ForAsync(app, colleague);

        var refused = await api.GetAsync(id);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("X-Purpose", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.MoveAsync(id, "ScreenNotRequired", "no")).StatusCode);
        using var tooShort = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}") { Headers = { { "X-Purpose", "because" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.SendAsync(tooShort)).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}") { Headers = { { "X-Purpose", Reason } } };
        Assert.Equal(HttpStatusCode.OK, (await api.Http.SendAsync(request)).StatusCode);
        // The purpose holds for a while: the next request needs no header.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(id)).StatusCode);

        var colleagueId = await AuditEvents.UserIdAsync(app, email);
        var events = (await AuditEvents.OfCaseAsync(app, id)).Where(e => e.ActorId == colleagueId).ToList();
        Assert.Single(events, e => e.Action == "case.break-glass" && e.Purpose == Reason && e.TokenId is not null);
        Assert.Equal(2, events.Count(e => e.Action == "api.read" && e.BreakGlass && e.Purpose == Reason));

        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("\"X-Purpose\"", document);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_case_waiting_for_screening_opens_to_the_whole_office_without_a_purpose(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var draft = await provider.ApplyAsync("Intake " + Guid.NewGuid().ToString("N")[..6], (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var id = draft.GetProperty("id").GetGuid();
        await provider.MovedAsync(id, "Submit");
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Office, Office);
        var colleague = PageClient.For(app);
        await colleague.SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/Cases/Case?id={id}")).Status);
        // Screening it makes the colleague a handler: the case stays open to them afterwards.
        var screened = await colleague.PostFormAsync("/Cases/Case?handler=Move", [new("id", id.ToString()), new("action", "StartScreening"), new("reason", "")], formPage: $"/Cases/Case?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, screened.Status);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/Cases/Case?id={id}")).Status);
        var events = await AuditEvents.OfCaseAsync(app, id);
        var colleagueId = await AuditEvents.UserIdAsync(app, email);
        Assert.DoesNotContain(events, e => e.BreakGlass);
        Assert.Single(events, e => e.Action == "case.transition" && e.ActorId == colleagueId);
    }
}
