using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Criteria;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Panels;
using static CyberReview.Web.Tests.Features.Panels.PanelSetup;

namespace CyberReview.Web.Tests.Features.Experts;

[Collection(ExpertPool.Name)]
public sealed class ExpertPoolTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_expert_keeps_their_own_profile_on_the_page_and_the_office_sees_it_in_the_pool(Database engine)
    {
        var app = await apps.For(engine);
        var expert = await ExpertAsync(app, areas: [RiskArea.IllegalControl]);
        var pages = PageClient.For(app);
        await pages.SignInAsync(expert.Email, expert.Password);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var empty = await pages.PostFormAsync("/Experts/Profile", [new("Form.ProductKinds", "Software"), new("Form.Available", "true")], formPage: "/Experts/Profile");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("at least one risk area", empty.Html);

        var saved = await pages.PostFormAsync("/Experts/Profile", [
            new("Form.RiskAreas", "UserInformation"), new("Form.RiskAreas", "SupplyChain"), new("Form.ProductKinds", "CloudService"),
            new("Form.Available", "false"), new("Form.AvailabilityNote", "On leave until the end of the month.")], formPage: "/Experts/Profile");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var own = await expert.Api.GetFromJsonAsync<JsonElement>("/api/v1/experts/me");
        Assert.Equal(["SupplyChain", "UserInformation"], own.GetProperty("riskAreas").EnumerateArray().Select(a => a.GetString()));
        Assert.False(own.GetProperty("available").GetBoolean());
        var pool = await office.Http.GetFromJsonAsync<JsonElement>("/api/v1/experts?riskArea=UserInformation&pageSize=100");
        var listed = pool.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == expert.Id);
        Assert.Equal("On leave until the end of the month.", listed.GetProperty("availabilityNote").GetString());
        var available = await office.Http.GetFromJsonAsync<JsonElement>("/api/v1/experts?available=true&pageSize=100");
        Assert.DoesNotContain(available.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == expert.Id);
        var officePage = await (await apps.SignedIn(engine, Role.Office)).GetAsync($"/Experts?riskArea=UserInformation&search={Uri.EscapeDataString(expert.Email)}");
        Assert.Contains("On leave until the end of the month.", officePage.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_profile_without_expertise_is_refused_by_the_api(Database engine)
    {
        var expert = await ExpertAsync(await apps.For(engine));

        var response = await expert.Api.PutAsJsonAsync("/api/v1/experts/me", new { riskAreas = Array.Empty<string>(), productKinds = new[] { "Hardware" }, available = true });
        var updated = await expert.Api.PutAsJsonAsync("/api/v1/experts/me", new { riskAreas = new[] { "OtherNationalSecurity" }, productKinds = new[] { "Hardware" }, available = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(["OtherNationalSecurity"], (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("riskAreas").EnumerateArray().Select(a => a.GetString()));
    }
}
