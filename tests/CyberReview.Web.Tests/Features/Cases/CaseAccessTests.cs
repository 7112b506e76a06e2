using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>Nobody outside a case learns that it exists: 404 on every case page and endpoint, and no entry in their lists.</summary>
public sealed class CaseAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task People_outside_a_case_get_404_on_its_page_and_every_endpoint(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var draft = await provider.ApplyAsync("Outsiders test", (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var id = draft.GetProperty("id").GetGuid();
        await provider.MovedAsync(id, "Submit");

        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, "Contoso Cloud Co.");
        var otherProvider = PageClient.For(app);
        await otherProvider.SignInAsync(email, password);
        var outsiders = new List<(string Who, PageClient Pages)>
        {
            ("another provider", otherProvider),
            ("an expert on no panel", await apps.SignedIn(engine, Role.Expert)),
            ("an evaluator not assigned", await apps.SignedIn(engine, Role.Evaluator)),
            ("a committee member", await apps.SignedIn(engine, Role.Committee)),
            ("a sector authority of no sector", await apps.SignedIn(engine, Role.SectorAuthority)),
        };

        foreach (var (who, pages) in outsiders)
        {
            Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync($"/Cases/Case?id={id}")).Status, who);
            using var api = await CaseApi.ForAsync(app, pages);
            Assert.True(HttpStatusCode.NotFound == (await api.GetAsync(id)).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await api.MoveAsync(id, "Withdraw", "trying")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await api.Http.PostAsJsonAsync($"/api/v1/cases/{id}/questions", new { question = "?" })).StatusCode, who);
            var list = await api.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
            var page = await pages.GetAsync("/Cases?search=" + Uri.EscapeDataString(draft.GetProperty("number").GetString()!));
            Assert.DoesNotContain(id.ToString(), page.Html);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_without_any_part_in_cases_are_refused_the_case_list(Database engine)
    {
        var procurer = await apps.SignedIn(engine, Role.Procurer);
        using var api = await CaseApi.ForAsync(apps, engine, Role.Procurer);

        Assert.Equal(HttpStatusCode.Redirect, (await procurer.GetAsync("/Cases")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_sees_its_case_and_its_actions_on_the_page(Database engine)
    {
        var app = await apps.For(engine);
        using var api = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var draft = await api.ApplyAsync("Page test", (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var id = draft.GetProperty("id").GetGuid();
        var provider = await apps.SignedIn(engine, Role.Provider);

        var page = await provider.GetAsync($"/Cases/Case?id={id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(draft.GetProperty("number").GetString()!, page.Html);
        Assert.Contains("value=\"Submit\"", page.Html);

        var submitted = await provider.PostFormAsync($"/Cases/Case?handler=Move", [new("id", id.ToString()), new("action", "Submit"), new("reason", "")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        var refused = await provider.PostFormAsync($"/Cases/Case?handler=Move", [new("id", id.ToString()), new("action", "StartScreening"), new("reason", "")], formPage: $"/Cases/Case?id={id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("is for: the review office", refused.Html);
    }
}

public sealed class CaseSearchTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_case_is_found_by_its_number_or_a_word_of_its_title(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        var word = "Searchable" + Guid.NewGuid().ToString("N")[..8];
        var draft = await provider.ApplyAsync($"Application {word} router", (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var number = draft.GetProperty("number").GetString()!;

        var byNumber = await provider.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases?search={number.ToLowerInvariant()}");
        var byTitle = await provider.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases?search={word.ToUpperInvariant()}");

        Assert.Equal([number], byNumber.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        Assert.Equal([number], byTitle.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()));
    }
}

public sealed class CasePagesTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_applies_and_the_office_opens_a_case_on_the_pages(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await apps.SignedIn(engine, Role.Provider);
        var office = await apps.SignedIn(engine, Role.Office);
        var northwind = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Northwind Networks Ltd.").Select(o => o.Id).SingleAsync());
        var version = (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[0];

        var applyForm = await provider.GetAsync("/Cases/Apply");
        Assert.Equal(HttpStatusCode.OK, applyForm.Status);
        Assert.Contains("NR-9000 Core Router", applyForm.Html);
        var applied = await provider.PostFormAsync("/Cases/Apply", [new("Form.Title", "Applied on the page"), new("Form.VersionIds", version.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, applied.Status);
        Assert.StartsWith("/Cases/Case?id=", applied.RedirectPath);

        var openForm = await office.GetAsync($"/Cases/Open?provider={northwind}");
        Assert.Equal(HttpStatusCode.OK, openForm.Status);
        Assert.Contains("Northwind Network OS", openForm.Html);
        var opened = await office.PostFormAsync("/Cases/Open", [new("Form.Title", "Opened on the page"), new("Form.ProviderId", northwind.ToString()),
            new("Form.VersionIds", version.ToString()), new("Form.Trigger", "MarketReaction"), new("Form.Justification", "Public reports.")]);
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        var incomplete = await office.PostFormAsync("/Cases/Open", [new("Form.Title", "Missing particulars"), new("Form.ProviderId", northwind.ToString()),
            new("Form.VersionIds", version.ToString()), new("Form.Trigger", "StateDepartmentRequest")], formPage: $"/Cases/Open?provider={northwind}");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("is required for", incomplete.Html);
    }
}
