using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Institutions.InstitutionApi;

namespace CyberReview.Web.Tests.Features.Institutions;

public sealed class DesignationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_designates_renews_and_ends_and_every_designation_stays_in_the_history(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var institution = await NewInstitutionAsync(office);
        var until = Today.AddYears(1);

        var key = Guid.NewGuid().ToString();
        var first = await SendAsync(office, key, institution, until);
        var retried = await SendAsync(office, key, institution, until);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var designation = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = designation.GetProperty("id").GetGuid();
        Assert.Equal(id, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("InForce", designation.GetProperty("status").GetString());
        Assert.Equal(["LaboratoryTesting", "OnlineMonitoring"], designation.GetProperty("activities").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Wang Fang (Review Office)", designation.GetProperty("designatedBy").GetString());

        var renewal = await office.Http.PostAsJsonAsync($"/api/v1/designations/{id}/renewal", new { validUntil = until.AddYears(3) });
        Assert.Equal(HttpStatusCode.Created, renewal.StatusCode);
        var renewed = await renewal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(until.AddDays(1), DateOnly.Parse(renewed.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Upcoming", renewed.GetProperty("status").GetString());
        Assert.Equal(id, renewed.GetProperty("renewsId").GetGuid());
        Assert.Equal(["LaboratoryTesting", "OnlineMonitoring"], renewed.GetProperty("activities").EnumerateArray().Select(a => a.GetString()));
        await RefusedAsync(await office.Http.PostAsJsonAsync($"/api/v1/designations/{id}/renewal", new { validUntil = until.AddYears(5) }), "AlreadyRenewed");

        var renewalId = renewed.GetProperty("id").GetGuid();
        var ended = await office.Http.PostAsJsonAsync($"/api/v1/designations/{renewalId}/end", new { reason = "Accreditation suspended by CNAS." });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("Ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await RefusedAsync(await office.Http.PostAsJsonAsync($"/api/v1/designations/{renewalId}/end", new { reason = "Again." }), "Ended");
        await RefusedAsync(await office.Http.PostAsJsonAsync($"/api/v1/designations/{renewalId}/renewal", new { validUntil = until.AddYears(5) }), "Ended");

        var history = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institution}");
        var designations = history.GetProperty("designations").EnumerateArray().ToList();
        Assert.Equal([renewalId, id], designations.Select(d => d.GetProperty("id").GetGuid()));
        Assert.Equal("Accreditation suspended by CNAS.", designations[0].GetProperty("endReason").GetString());
        Assert.Equal(renewalId, designations[1].GetProperty("renewedById").GetGuid());
        Assert.Equal("InForce", designations[1].GetProperty("status").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Bad_designations_are_refused_with_the_reason_and_nothing_is_saved(Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var institution = await NewInstitutionAsync(office);
        var (provider, _) = await NewProviderAsync(app);

        await AssertInvalidAsync(await DesignateAsync(office, institution, activities: []), "Activities");
        await AssertInvalidAsync(await DesignateAsync(office, institution, productKinds: []), "ProductKinds");
        await AssertInvalidAsync(await DesignateAsync(office, institution, from: Today.AddDays(10), until: Today.AddDays(9)), "ValidUntil");
        await AssertInvalidAsync(await DesignateAsync(office, institution, from: Today.AddYears(-2), until: Today.AddDays(-3)), "ValidUntil");
        await AssertInvalidAsync(await office.Http.PostAsJsonAsync($"/api/v1/institutions/{institution}/designations",
            new { activities = new[] { "LaboratoryTesting" }, productKinds = new[] { "Hardware" } }), "ValidFrom");
        Assert.Equal(HttpStatusCode.NotFound, (await DesignateAsync(office, provider)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DesignateAsync(office, Guid.NewGuid())).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Designations.CountAsync(d => d.InstitutionId == institution)));

        var standing = await DesignatedAsync(office, institution, until: Today.AddYears(1));
        var overlap = await RefusedAsync(await DesignateAsync(office, institution, from: Today.AddMonths(6), until: Today.AddYears(2)), "Overlaps");
        Assert.Contains(Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), overlap.GetProperty("detail").GetString());
        await AssertInvalidAsync(await office.Http.PostAsJsonAsync($"/api/v1/designations/{standing.GetProperty("id").GetGuid()}/end", new { reason = "" }), "Reason");
        Assert.Equal(HttpStatusCode.NotFound, (await office.Http.PostAsJsonAsync($"/api/v1/designations/{Guid.NewGuid()}/end", new { reason = "No such." })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Designations.CountAsync(d => d.InstitutionId == institution && d.EndedOn == null)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_office_designates(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var institution = await NewInstitutionAsync(office);

        foreach (var role in new[] { Role.Administrator, Role.Evaluator, Role.Provider, Role.Committee })
        {
            using var other = await CaseApi.ForAsync(apps, engine, role);
            Assert.True(HttpStatusCode.Forbidden == (await DesignateAsync(other, institution)).StatusCode, role.ToString());
            Assert.True(HttpStatusCode.Forbidden == (await other.Http.GetAsync($"/api/v1/institutions/{institution}")).StatusCode, role.ToString());
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_designates_renews_and_ends_on_the_institution_page(Database engine)
    {
        using var api = await CaseApi.ForAsync(apps, engine, Role.Office);
        var name = $"Page test laboratory {Guid.NewGuid():N}";
        var institution = await NewInstitutionAsync(api, name);
        var office = await apps.SignedIn(engine, Role.Office);
        var page = $"/Institutions/Institution?id={institution}";

        var list = await office.GetAsync("/Institutions?page=1");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var shown = await office.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(name), shown.Html);
        Assert.Contains("Not designated", shown.Html);

        var incomplete = await office.PostFormAsync($"{page}&handler=Designate",
            [new("id", institution.ToString()), new("Designation.ProductKinds", "Software"), new("Designation.ValidFrom", Iso(Today)), new("Designation.ValidUntil", Iso(Today.AddYears(2)))], formPage: page);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("Choose at least one activity", incomplete.Html);

        var designated = await office.PostFormAsync($"{page}&handler=Designate",
            [new("id", institution.ToString()), new("Designation.Activities", "LaboratoryTesting"), new("Designation.Activities", "OnSiteInspection"),
             new("Designation.ProductKinds", "Software"), new("Designation.ValidFrom", Iso(Today.AddDays(-1))), new("Designation.ValidUntil", Iso(Today.AddYears(2)))], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, designated.Status);
        var after = await office.GetAsync(designated.RedirectPath!);
        Assert.Contains("The institution is designated.", after.Html);
        Assert.Contains("data-status=\"InForce\"", after.Html);
        Assert.Contains("Laboratory testing, On-site inspection", after.Html);

        var current = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institution}");
        var designationId = current.GetProperty("designations")[0].GetProperty("id").GetGuid().ToString();
        var overlapping = await office.PostFormAsync($"{page}&handler=Designate",
            [new("id", institution.ToString()), new("Designation.Activities", "OnlineMonitoring"), new("Designation.ProductKinds", "Software"),
             new("Designation.ValidFrom", Iso(Today)), new("Designation.ValidUntil", Iso(Today.AddYears(1)))], formPage: page);
        Assert.Equal(HttpStatusCode.Conflict, overlapping.Status);
        Assert.Contains("renew or end it instead", overlapping.Html);

        var renewed = await office.PostFormAsync($"{page}&handler=Renew",
            [new("id", institution.ToString()), new("designationId", designationId), new("Renewal.Activities", "LaboratoryTesting"),
             new("Renewal.ProductKinds", "Software"), new("Renewal.ProductKinds", "Hardware"), new("Renewal.ValidUntil", Iso(Today.AddYears(5)))], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, renewed.Status);
        Assert.Contains("data-status=\"Upcoming\"", (await office.GetAsync(renewed.RedirectPath!)).Html);

        var renewalId = (await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institution}")).GetProperty("designations")[0].GetProperty("id").GetGuid().ToString();
        var unexplained = await office.PostFormAsync($"{page}&handler=End", [new("id", institution.ToString()), new("designationId", renewalId), new("EndReason", " ")], formPage: page);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.Status);
        var ended = await office.PostFormAsync($"{page}&handler=End", [new("id", institution.ToString()), new("designationId", renewalId), new("EndReason", "Merged into another laboratory.")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        var final = await office.GetAsync(ended.RedirectPath!);
        Assert.Contains("data-status=\"Ended\"", final.Html);
        Assert.Contains("Merged into another laboratory.", final.Html);
    }

    private static async Task<HttpResponseMessage> SendAsync(CaseApi office, string key, Guid institution, DateOnly until)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/institutions/{institution}/designations")
        {
            Content = JsonContent.Create(new { activities = new[] { "OnlineMonitoring", "LaboratoryTesting" }, productKinds = new[] { "Hardware" }, validFrom = Today.AddDays(-1), validUntil = until }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await office.Http.SendAsync(request);
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
