using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;

namespace CyberReview.Web.Tests.Features.Commitments;

public sealed class CommitmentTests(Apps apps)
{
    private static async Task<Guid> CaseInScreeningAsync(Apps apps, Database engine, CaseApi provider, CaseApi office)
    {
        var app = await apps.For(engine);
        var draft = await provider.ApplyAsync("Commitments " + Guid.NewGuid().ToString("N")[..6], (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..1]);
        var id = draft.GetProperty("id").GetGuid();
        await provider.MovedAsync(id, "Submit");
        await office.MovedAsync(id, "StartScreening");
        return id;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_asks_and_the_provider_signs_under_the_exact_text(Database engine)
    {
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var id = await CaseInScreeningAsync(apps, engine, provider, office);

        var asked = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments",
            new { kinds = new[] { "NoIllegalDataCollection", "NoIllegalControl", "Other" }, otherText = "We will keep update servers in the country." });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var commitments = (await asked.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(3, commitments.Count);
        var control = commitments.Single(c => c.GetProperty("kind").GetString() == "NoIllegalControl");

        var unconfirmed = await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{control.GetProperty("id").GetGuid()}/signature", new { confirmed = false });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var signed = await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{control.GetProperty("id").GetGuid()}/signature", new { confirmed = true });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var again = await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{control.GetProperty("id").GetGuid()}/signature", new { confirmed = true });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var after = (await signed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "NoIllegalControl");
        var text = after.GetProperty("text").GetString()!;
        Assert.Contains("control or manipulate", text);
        Assert.Contains("非法控制", text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), after.GetProperty("signedTextSha256").GetString());
        var timeline = (await office.CaseAsync(id)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Contains("CommitmentsRequested", timeline);
        Assert.Contains("CommitmentSigned", timeline);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_the_office_asks_only_the_provider_signs_and_outsiders_see_nothing(Database engine)
    {
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var expert = await CaseApi.ForAsync(apps, engine, Role.Expert);
        var id = await CaseInScreeningAsync(apps, engine, provider, office);

        var byProvider = await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments", new { kinds = new[] { "NoIllegalControl" } });
        Assert.Equal(HttpStatusCode.Conflict, byProvider.StatusCode);
        var otherWithoutText = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments", new { kinds = new[] { "Other" } });
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutText.StatusCode);
        var asked = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments", new { kinds = new[] { "NoUnjustifiedInterruption" } });
        var commitment = (await asked.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("id").GetGuid();

        var bySigningOffice = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{commitment}/signature", new { confirmed = true });
        Assert.Equal(HttpStatusCode.Conflict, bySigningOffice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Http.GetAsync($"/api/v1/cases/{id}/commitments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{commitment}/signature", new { confirmed = true })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_provider_signs_on_the_case_page(Database engine)
    {
        using var providerApi = await CaseApi.ForAsync(apps, engine, Role.Provider);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var id = await CaseInScreeningAsync(apps, engine, providerApi, office);
        await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments", new { kinds = new[] { "NoIllegalDataCollection" } });
        var commitment = (await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/commitments")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var provider = await apps.SignedIn(engine, Role.Provider);

        var page = await provider.GetAsync($"/Cases/Case?id={id}");
        Assert.Contains("I sign this commitment on behalf of my organisation", page.Html);
        var signed = await provider.PostFormAsync("/Cases/Case?handler=SignCommitment", [new("id", id.ToString()), new("commitmentId", commitment.ToString()), new("confirmed", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        Assert.Contains("Signed by", (await provider.GetAsync($"/Cases/Case?id={id}")).Html);
    }
}
