using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;

namespace CyberReview.Web.Tests.Features.Cases;

public sealed class DemoCaseTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_office_sees_cases_in_many_states_with_one_overdue(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        string[] demoTitles =
        [
            "Public reports on Contoso SD-WAN", "Contoso Managed Database for provincial e-government", "Contoso Managed Database 2025.1 in a test laboratory",
            "Application: Northwind Network OS 12.2", "NR-9000 Core Router in power grid backbones", "Application: NR-9000 Core Router 5.3 (first filing)",
        ];
        var demo = (await office.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(c => demoTitles.Contains(c.GetProperty("title").GetString()))
            .ToList();
        var overdue = (await office.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?overdue=true")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("title").GetString()).ToList();
        var states = demo.Select(c => c.GetProperty("state").GetString()).ToHashSet();

        Assert.Equal(["AwaitingProvider", "Evaluation", "NotRequired", "Screening", "Submitted", "Withdrawn"], states.Order());
        Assert.Contains("NR-9000 Core Router in power grid backbones", overdue);
        Assert.DoesNotContain(demo, c => c.GetProperty("state").GetString() == "AwaitingProvider" && c.GetProperty("dueOn").ValueKind != JsonValueKind.Null);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_provider_has_a_question_to_answer_and_a_draft_to_submit(Database engine)
    {
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        var mine = (await provider.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(mine, c => c.GetProperty("state").GetString() == "Draft");
        var waiting = mine.Single(c => c.GetProperty("title").GetString() == "Application: Northwind Network OS 12.2");
        var details = await provider.CaseAsync(waiting.GetProperty("id").GetGuid());
        Assert.Contains(details.GetProperty("questions").EnumerateArray(), q => q.GetProperty("answer").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(mine, c => c.GetProperty("provider").GetString() != "Northwind Networks Ltd.");
    }
}

public sealed class DemoRegistryTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_registry_shows_the_public_result_to_everyone_and_the_government_one_to_procurers(Database engine)
    {
        var app = await apps.For(engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(apps, engine, Role.Procurer);

        var publicly = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/registry?search=Northwind%20Network%20OS")).GetProperty("items").EnumerateArray().ToList();
        var hidden = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/registry?search=Contoso%20Managed%20Database")).GetProperty("items").EnumerateArray().ToList();
        var forProcurer = (await procurer.Http.GetFromJsonAsync<JsonElement>("/api/v1/registry?search=Contoso%20Managed%20Database")).GetProperty("items").EnumerateArray().ToList();

        Assert.Contains(publicly, e => e.GetProperty("outcome").GetString() == "Pass" && e.GetProperty("provider").GetString() == "Northwind Networks Ltd.");
        Assert.DoesNotContain(hidden, e => e.GetProperty("visibility").GetString() == "Government");
        Assert.Contains(forProcurer, e => e.GetProperty("outcome").GetString() == "PassWithConditions");
    }
}
