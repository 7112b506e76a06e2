using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Cases;

/// <summary>Apps of their own: a result published on the shared apps may supersede a demo result for the same version.</summary>
public sealed class DemoApps : IAsyncDisposable
{
    public Apps Apps { get; } = new();

    public ValueTask DisposeAsync() => Apps.DisposeAsync();
}

/// <summary>
/// The demo's cases, as each role finds them, each found by its title; nothing here moves a demo case (the expert's
/// opinions can be revised until voting).
/// </summary>
public sealed class DemoCaseTests(DemoApps own) : IClassFixture<DemoApps>
{
    private readonly Apps apps = own.Apps;

    internal const string InExpertReview = "Application: Northwind Edge Firewall 4.0";
    internal const string Escalated = "Contoso Object Storage for the national health data platform";

    /// <summary>Every demo case by title, with the state it is in; the draft only its provider sees.</summary>
    private static readonly (string Title, CaseState State)[] States =
    [
        ("Application: NR-9000 Core Router 6.0", CaseState.Draft),
        ("Public reports on Contoso SD-WAN", CaseState.Submitted),
        ("Contoso Managed Database for provincial e-government", CaseState.Screening),
        ("Contoso Managed Database 2025.1 in a test laboratory", CaseState.NotRequired),
        ("Application: Northwind Network OS 12.2", CaseState.AwaitingProvider),
        ("NR-9000 Core Router in power grid backbones", CaseState.Evaluation),
        ("Northwind Network OS 12.1 in provincial backbones", CaseState.Published),
        ("Contoso Managed Database 2025.1 for government clouds", CaseState.Published),
        ("Application: NR-9000 Core Router 5.3 (first filing)", CaseState.Withdrawn),
        (InExpertReview, CaseState.ExpertReview),
        (Escalated, CaseState.Escalated),
        ("Northwind Edge Firewall 4.1 in telecom operators' networks", CaseState.Decided),
        ("Contoso Object Storage 2024.3 for government clouds", CaseState.Suspended),
        ("Northwind Edge Firewall 3.2 in financial networks", CaseState.Revoked),
        ("NR-9000 Core Router 5.2 for the national power grid (first review)", CaseState.Expired),
        ("Contoso SD-WAN 3.2 for branch offices of state-owned banks", CaseState.Superseded),
        ("Contoso SD-WAN 3.3 for branch offices of state-owned banks", CaseState.Published),
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_has_a_case_in_every_state_with_one_overdue_and_one_waiting_on_the_provider(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        var seen = new Dictionary<string, JsonElement>();
        foreach (var (title, state) in States)
        {
            var found = await FindAsync(state == CaseState.Draft ? provider : office, title);
            Assert.True(found is not null, $"Nobody whose part it is sees the demo case \"{title}\".");
            Assert.Equal(state.ToString(), found.Value.GetProperty("state").GetString());
            seen[title] = found.Value;
        }
        var overdue = (await office.Http.GetFromJsonAsync<JsonElement>("/api/v1/cases?overdue=true&pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("title").GetString()).ToList();

        Assert.Equal(Enum.GetValues<CaseState>().Order(), seen.Values.Select(c => Enum.Parse<CaseState>(c.GetProperty("state").GetString()!)).Distinct().Order());
        // A draft is the provider's own until submitted: the office sees every other state.
        Assert.Null(await FindAsync(office, "Application: NR-9000 Core Router 6.0"));
        Assert.Contains("NR-9000 Core Router in power grid backbones", overdue);
        Assert.Equal(JsonValueKind.Null, seen["Application: Northwind Network OS 12.2"].GetProperty("dueOn").ValueKind);
        Assert.Equal(JsonValueKind.String, seen[InExpertReview].GetProperty("dueOn").ValueKind);
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

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_expert_sits_on_the_panel_in_expert_review_where_a_colleague_has_voted_and_gives_opinions(Database engine)
    {
        using var expert = await CaseApi.ForAsync(apps, engine, Role.Expert);
        var id = (await FindAsync(expert, InExpertReview))!.Value.GetProperty("id").GetGuid();

        var panel = await expert.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/panel");
        var opinions = await expert.Http.PutAsJsonAsync($"/api/v1/cases/{id}/panel/opinions", new
        {
            opinions = new[] { "IllegalControl", "SupplyChain", "UserInformation", "UnfairCompetition", "OtherNationalSecurity" }
                .Select(area => new { riskArea = area, rating = "AcceptableWithConditions", reasoning = $"The laboratory's findings on {area} are controllable by conditions." }),
        });

        Assert.Equal("ExpertReview", panel.GetProperty("state").GetString());
        Assert.True(panel.GetProperty("mayGiveOpinions").GetBoolean());
        var seats = panel.GetProperty("seats").EnumerateArray().ToList();
        Assert.Equal(5, seats.Count);
        Assert.Contains(seats, s => s.GetProperty("expert").GetString() == "Zhang Min (Expert)" && s.GetProperty("id").GetGuid() == panel.GetProperty("yourSeat").GetGuid());
        Assert.Single(seats, s => s.GetProperty("voted").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, opinions.StatusCode);
        var timeline = (await expert.CaseAsync(id)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Equal(["Opened", "Submit", "StartScreening", "ScreenRequired", "InstitutionAssigned"], timeline.Take(5));
        Assert.Contains("PanelDrawn", timeline);
        Assert.Contains("Voted", timeline);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Every_demo_panel_draw_reproduces_when_re_run(Database engine)
    {
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);

        var checkedDraws = 0;
        foreach (var (title, _) in States.Where(c => c.State is CaseState.ExpertReview or CaseState.Escalated or CaseState.Decided or CaseState.Published
            or CaseState.Suspended or CaseState.Revoked or CaseState.Expired or CaseState.Superseded))
        {
            var id = (await FindAsync(office, title))!.Value.GetProperty("id").GetGuid();
            var panel = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/panel");
            var draw = Assert.Single(panel.GetProperty("draws").EnumerateArray());
            var audit = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/panel/draws/{draw.GetProperty("id").GetGuid()}");

            Assert.True(audit.GetProperty("reproduced").GetBoolean(), $"The draw of \"{title}\" does not reproduce.");
            Assert.Equal(audit.GetProperty("rule").GetProperty("seats").GetInt32(), audit.GetProperty("drawn").GetArrayLength());
            Assert.True(audit.GetProperty("candidates").GetArrayLength() >= audit.GetProperty("drawn").GetArrayLength());
            checkedDraws++;
        }
        Assert.Equal(10, checkedDraws);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_committee_finds_the_escalated_case_with_the_panel_that_disagreed(Database engine)
    {
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);

        var escalated = await FindAsync(committee, Escalated);

        Assert.NotNull(escalated);
        Assert.Equal("Escalated", escalated.Value.GetProperty("state").GetString());
        var panel = await committee.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{escalated.Value.GetProperty("id").GetGuid()}/panel");
        Assert.Equal("Disagreed", panel.GetProperty("verdict").GetString());
        Assert.Equal(3, panel.GetProperty("seats").EnumerateArray().Count(s => s.GetProperty("voted").GetBoolean()));
        // The committee holds no part in cases that never came to it.
        Assert.Null(await FindAsync(committee, InExpertReview));
    }

    internal static async Task<JsonElement?> FindAsync(CaseApi client, string title)
    {
        var items = (await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases?search={Uri.EscapeDataString(title)}&pageSize=100")).GetProperty("items");
        return items.EnumerateArray().Where(c => c.GetProperty("title").GetString() == title).Select(c => (JsonElement?)c).SingleOrDefault();
    }
}

public sealed class DemoRegistryTests(DemoApps own) : IClassFixture<DemoApps>
{
    private readonly Apps apps = own.Apps;

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

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_registry_lists_suspended_revoked_expired_and_superseded_results_as_such(Database engine)
    {
        var app = await apps.For(engine);
        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(apps, engine, Role.Procurer);
        // Other tests publish results for demo versions too: each version's statuses, of which the demo's is one.
        async Task<ILookup<string, string?>> StatusesAsync(HttpClient client, string search) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={Uri.EscapeDataString(search)}&pageSize=100")).GetProperty("items").EnumerateArray()
                .ToLookup(e => string.Join(", ", e.GetProperty("versions").EnumerateArray().Select(v => v.GetString())), e => e.GetProperty("status").GetString());

        var firewalls = await StatusesAsync(anonymous, "Northwind Edge Firewall");
        var routers = await StatusesAsync(anonymous, "NR-9000 Core Router");
        var wans = await StatusesAsync(anonymous, "Contoso SD-WAN");
        var storage = await StatusesAsync(procurer.Http, "Contoso Object Storage");
        var storageInPublic = await StatusesAsync(anonymous, "Contoso Object Storage");

        Assert.Contains("Revoked", firewalls["Northwind Edge Firewall 3.2"]);
        Assert.Contains("Expired", routers["NR-9000 Core Router 5.2"]);
        Assert.Contains("Superseded", wans["Contoso SD-WAN 3.2"]);
        Assert.Contains("Published", wans["Contoso SD-WAN 3.3"]);
        Assert.Contains("Suspended", storage["Contoso Object Storage 2024.3"]);
        // Circulated to government buyers only.
        Assert.DoesNotContain("Suspended", storageInPublic["Contoso Object Storage 2024.3"]);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_demo_registry_s_history_is_in_the_change_feed_and_the_transparency_log_in_the_order_it_happened(Database engine)
    {
        var app = await apps.For(engine);
        using var anonymous = app.CreateClient();
        var (entries, changes, leaves) = await app.WithDbAsync(async db => (
            await db.RegistryEntries.Select(e => new { e.Id, e.Versions }).ToListAsync(),
            await db.RegistryChanges.OrderBy(c => c.Sequence).ToListAsync(),
            await db.RegistryLogLeaves.OrderBy(l => l.Index).Select(l => new { l.Index, l.ChangeId }).ToListAsync()));
        var checkpoint = await anonymous.GetStringAsync("/log/checkpoint");
        var feed = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/registry/changes?limit=1000");
        var firewall = entries.Single(e => e.Versions.SequenceEqual(["Northwind Edge Firewall 3.2"])).Id;

        Assert.All(entries, e => Assert.Contains(changes, c => c.EntryId == e.Id && c.Kind == CyberReview.Data.Registry.RegistryChangeKind.Published));
        Assert.Equal(Enumerable.Range(1, changes.Count).Select(i => (long)i), changes.Select(c => c.Sequence));
        Assert.Equal(changes.Select(c => c.At).Order(), changes.Select(c => c.At));
        Assert.Equal(changes.Select(c => (c.Sequence - 1, c.Id)), leaves.Select(l => (l.Index, l.ChangeId)));
        Assert.Equal(changes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint.Split('\n')[1]);
        Assert.Equal(["Published", "Suspended", "Revoked"], changes.Where(c => c.EntryId == firewall).Select(c => c.Kind.ToString()));
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("entryId").GetGuid() == firewall && i.GetProperty("kind").GetString() == "Revoked");
    }
}

/// <summary>Apps of their own: these tests move demo cases, which the other demo tests expect where the seed left them.</summary>
public sealed class DemoMovingApps : IAsyncDisposable
{
    public Apps Apps { get; } = new();

    public ValueTask DisposeAsync() => Apps.DisposeAsync();
}

public sealed class DemoMovingTests(DemoMovingApps own) : IClassFixture<DemoMovingApps>
{
    private const string Decided = "Northwind Edge Firewall 4.1 in telecom operators' networks";

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_publishes_the_demo_decision_and_the_sector_it_was_circulated_to_finds_it(Database engine)
    {
        var app = await own.Apps.For(engine);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        using var sector = await CaseApi.ForAsync(own.Apps, engine, Role.SectorAuthority);
        using var anonymous = app.CreateClient();
        var id = (await DemoCaseTests.FindAsync(office, Decided))!.Value.GetProperty("id").GetGuid();

        var published = await office.MovedAsync(id, "Publish");

        Assert.Equal("Published", published.GetProperty("state").GetString());
        var forSector = (await sector.Http.GetFromJsonAsync<JsonElement>("/api/v1/registry?search=Northwind%20Edge%20Firewall&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(forSector, e => e.GetProperty("versions")[0].GetString() == "Northwind Edge Firewall 4.1"
            && e.GetProperty("visibility").GetString() == "Sector" && e.GetProperty("outcome").GetString() == "PassWithConditions");
        var forEveryone = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/registry?search=Northwind%20Edge%20Firewall&pageSize=100")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(forEveryone, e => e.GetProperty("versions")[0].GetString() == "Northwind Edge Firewall 4.1");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_committee_decides_the_demo_escalation(Database engine)
    {
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        var id = (await DemoCaseTests.FindAsync(committee, DemoCaseTests.Escalated))!.Value.GetProperty("id").GetGuid();
        var version = (await committee.CaseAsync(id)).GetProperty("versions")[0].GetProperty("id").GetGuid();

        var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{id}/decisions", new
        {
            outcome = "Fail", versionIds = new[] { version }, visibility = "Confidential",
            reason = "Access from abroad to stored health data cannot be contained by conditions the platform could check.",
        });

        Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
        var timeline = (await committee.CaseAsync(id)).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("RecordDecision", "Committee", "Decided"), (timeline.GetProperty("what").GetString(), timeline.GetProperty("part").GetString(), timeline.GetProperty("to").GetString()));
    }
}

public sealed class DemoSignatureTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Every_demo_report_and_decision_carries_a_signature_that_verifies(Database engine)
    {
        // An app of its own: on the shared apps other tests add reports and decisions of their own.
        await using var app = await CyberReviewApp.StartAsync(engine);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CyberReview.Data.ReviewDbContext>();
        var records = scope.ServiceProvider.GetRequiredService<CyberReview.Data.Signatures.SignedRecords>();
        var reports = await db.EvaluationReports.Select(r => r.Id).ToListAsync(TestContext.Current.CancellationToken);
        var decisions = await db.Decisions.Select(d => d.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(reports.Count >= 10 && decisions.Count >= 8, $"{reports.Count} reports and {decisions.Count} decisions in the demo");
        foreach (var id in reports)
            {
            var check = await records.CheckReportAsync(id, TestContext.Current.CancellationToken);
            Assert.True(check.Verified, $"report {id}: {check.Failure}");
        }
        foreach (var id in decisions)
            {
            var check = await records.CheckDecisionAsync(id, TestContext.Current.CancellationToken);
            Assert.True(check.Verified, $"decision {id}: {check.Failure}");
        }
    }
}
