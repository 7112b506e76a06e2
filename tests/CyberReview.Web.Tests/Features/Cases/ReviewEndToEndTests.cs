using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Evaluation;
using CyberReview.Web.Tests.Features.Panels;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>
/// One case from the provider's application to a published result in the public registry, every step taken by
/// the part the workflow gives it, through the API.
/// </summary>
[Collection(ExpertPool.Name)]
public sealed class ReviewEndToEndTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_providers_application_becomes_a_published_result(Database engine)
    {
        var app = await apps.For(engine);
        // A provider of its own: other tests declare ties with the demo providers that would rule the laboratory out.
        var (providerId, versions) = await Institutions.InstitutionApi.NewProviderAsync(app);
        var providerName = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == providerId).Select(o => o.Name).SingleAsync());
        var (email, password) = await Account.Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, providerName);
        var providerPages = PageClient.For(app);
        await providerPages.SignInAsync(email, password);
        using var provider = await CaseApi.ForAsync(app, providerPages);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var title = "End to end " + Guid.NewGuid().ToString("N")[..6];
        var version = versions[..1];

        // Intake and screening.
        var id = (await provider.ApplyAsync(title, version)).GetProperty("id").GetGuid();
        await provider.MovedAsync(id, "Submit");
        await office.MovedAsync(id, "StartScreening");
        await office.MovedAsync(id, "ScreenRequired", "Core routers of provincial backbones (Art. 2).");

        // The provider commits, and the office assigns the designated laboratory.
        var asked = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments", new { kinds = new[] { "NoIllegalControl" } });
        var commitment = (await asked.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await provider.Http.PostAsJsonAsync($"/api/v1/cases/{id}/commitments/{commitment}/signature", new { confirmed = true })).StatusCode);
        var laboratory = await EvaluationCases.OrganisationAsync(app, EvaluationCases.Laboratory);
        var assigned = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/institutions", new { institutionId = laboratory, activities = new[] { "LaboratoryTesting" } });
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);

        // The laboratory evaluates and signs its report.
        using var evaluator = await EvaluationClient.ForAsync(apps, engine, Role.Evaluator, id);
        await Undertakings.Undertakings.AcceptAsync(evaluator.Http, id);
        await evaluator.CompletedActivityAsync();
        var finding = (await evaluator.CreatedAsync("findings", EvaluationCases.Finding())).GetProperty("id").GetGuid();
        await evaluator.CreatedAsync("reports", new
        {
            summary = "Laboratory testing found one undocumented maintenance account.",
            conclusions = EvaluationCases.Conclusions(),
            findingIds = new[] { finding },
            confirmed = true,
        });

        // Three experts are drawn, agree, and the office decides and publishes.
        await PanelSetup.EmptyPoolAsync(app);
        var experts = await PanelSetup.ExpertsAsync(app, 3);
        Assert.Equal(HttpStatusCode.Created, (await PanelSetup.DrawAsync(office.Http, id, new { seats = 3 })).StatusCode);
        Assert.Equal("ExpertReview", (await office.MovedAsync(id, "StartExpertReview")).GetProperty("state").GetString());
        foreach (var expert in experts)
        {
            await Undertakings.Undertakings.AcceptAsync(expert.Api, id);
            Assert.Equal(HttpStatusCode.OK, (await expert.Api.PutAsJsonAsync($"/api/v1/cases/{id}/panel/opinions", PanelSetup.AllOpinions())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await expert.Api.PostAsJsonAsync($"/api/v1/cases/{id}/panel/votes", new { vote = "Pass", reasoning = "The account is removable." })).StatusCode);
        }
        var today = InstitutionsToday();
        var decided = await office.Http.PostAsJsonAsync($"/api/v1/cases/{id}/decisions", new
        {
            outcome = "Pass", versionIds = version, validFrom = today, validUntil = today.AddYears(3), visibility = "Public",
            reason = "The panel agreed on the basis of the laboratory's report.", conditions = Array.Empty<object>(),
        });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        Assert.Equal("Decided", (await office.CaseAsync(id)).GetProperty("state").GetString());
        Assert.Equal("Published", (await office.MovedAsync(id, "Publish")).GetProperty("state").GetString());

        // Anyone finds the result in the registry, and the timeline tells the whole story.
        using var anonymous = app.CreateClient();
        var registry = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={Uri.EscapeDataString(providerName)}");
        var entry = Assert.Single(registry.GetProperty("items").EnumerateArray());
        Assert.Equal("Pass", entry.GetProperty("outcome").GetString());
        Assert.Equal(["Test Hardware 1.0"], entry.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        var steps = (await office.CaseAsync(id)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Equal(["Submit", "StartScreening", "ScreenRequired", "StartExpertReview", "RecordDecision", "Publish"],
            steps.Where(s => s is "Submit" or "StartScreening" or "ScreenRequired" or "StartExpertReview" or "RecordDecision" or "Publish"));
        Assert.Contains("CommitmentSigned", steps);
        Assert.Contains("InstitutionAssigned", steps);
        Assert.Equal(4, steps.Count(s => s == "UndertakingAccepted"));
    }

    private static DateOnly InstitutionsToday() => ReviewDay.Today;
}
