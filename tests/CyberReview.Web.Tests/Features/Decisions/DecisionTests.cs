using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.Panels.PanelSetup;

namespace CyberReview.Web.Tests.Features.Decisions;

public sealed class DecisionTests(Apps apps)
{
    private static DateOnly Today => ReviewDay.Today;

    /// <summary>A case the office opened for two Northwind versions (optionally for a sector), escalated to the committee.</summary>
    internal static async Task<(Guid Id, Guid[] Versions)> EscalatedCaseAsync(Apps apps, Database engine, Guid? sector = null, Guid[]? versions = null, Guid? providerId = null)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var provider = providerId ?? await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Northwind Networks Ltd.").Select(o => o.Id).SingleAsync());
        versions ??= (await CaseApi.VersionsOfAsync(app, "Northwind Networks Ltd."))[..2];
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Decision test " + Guid.NewGuid().ToString("N")[..6],
            providerId = provider,
            versionIds = versions,
            trigger = "MarketReaction",
            justification = "Reports of undocumented remote access.",
            sectorDepartmentId = sector,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SetStateAsync(app, id, CaseState.Escalated);
        return (id, versions);
    }

    private static object Decision(Guid[] versions, string outcome = "Pass", string visibility = "Public", string? reason = "Weighed the panel's opinions.",
        DateOnly? from = null, DateOnly? until = null, object[]? conditions = null, bool validity = true) => new
    {
        outcome,
        versionIds = versions,
        validFrom = validity ? from ?? Today : (DateOnly?)null,
        validUntil = validity ? until ?? Today.AddYears(3) : (DateOnly?)null,
        visibility,
        reason,
        conditions = conditions ?? [],
    };

    public static TheoryData<Database, string, string> BadDecisions()
    {
        var data = new TheoryData<Database, string, string>();
        foreach (var engine in new Databases())
        {
            // What is wrong, and the field that says so.
            foreach (var (what, field) in new[]
            {
                ("conditional pass without conditions", "Conditions"),
                ("validity ending before it starts", "ValidUntil"),
                ("a version of another case", "VersionIds"),
                ("no versions", "VersionIds"),
                ("a fail with a validity period", "ValidFrom"),
                ("a pass without validity", "ValidFrom"),
                ("circulated to a sector the case does not have", "Visibility"),
                ("a condition after the validity", "Conditions[0].Deadline"),
                ("a condition without a deadline", "Conditions[0].Deadline"),
                ("no outcome", "Outcome"),
            })
            {
                data.Add(engine.Data, what, field);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(BadDecisions))]
    public async Task A_bad_decision_is_refused_with_the_field_and_nothing_is_recorded(Database engine, string what, string field)
    {
        var app = await apps.For(engine);
        var (caseId, versions) = await EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        var contoso = (await CaseApi.VersionsOfAsync(app, "Contoso Cloud Co."))[..1];
        var condition = new { text = "Close the debug port.", deadline = Today.AddMonths(3) };
        object body = what switch
        {
            "conditional pass without conditions" => Decision(versions, "PassWithConditions"),
            "validity ending before it starts" => Decision(versions, from: Today.AddDays(10), until: Today.AddDays(9)),
            "a version of another case" => Decision([versions[0], .. contoso]),
            "no versions" => Decision([]),
            "a fail with a validity period" => Decision(versions, "Fail"),
            "a pass without validity" => Decision(versions, validity: false),
            "circulated to a sector the case does not have" => Decision(versions, visibility: "Sector"),
            "a condition after the validity" => Decision(versions, "PassWithConditions", until: Today.AddMonths(1), conditions: [condition]),
            "a condition without a deadline" => new { outcome = "PassWithConditions", versionIds = versions, validFrom = Today, validUntil = Today.AddYears(1), visibility = "Public",
                reason = "x", conditions = new[] { new { text = "Close the debug port.", deadline = (DateOnly?)null } } },
            "no outcome" => new { versionIds = versions, visibility = "Public", reason = "x" },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var response = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)), $"{what}: {errors}");
        Assert.Equal(0, await app.WithDbAsync(db => db.Decisions.CountAsync(d => d.CaseId == caseId)));
        Assert.Equal("Escalated", (await committee.CaseAsync(caseId)).GetProperty("state").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_recorded_decision_is_frozen_a_change_supersedes_it_and_publication_ends_changes(Database engine)
    {
        var app = await apps.For(engine);
        var (caseId, versions) = await EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(apps, engine, Role.Provider);

        var first = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decisions")[0].GetProperty("id").GetGuid();

        var unexplained = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions[..1], reason: null));
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.True((await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Reason", out _));
        var notTheirs = await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions[..1], reason: "The office would rather."));
        Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);

        var second = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions",
            Decision(versions[..1], "PassWithConditions", visibility: "Government", reason: "Version 2 was found to ship a debug build.",
                conditions: [new { text = "Ship 5.2 without the debug console.", deadline = Today.AddMonths(2) }]));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        // Both stay visible to every part in the case, the newer in force, the older untouched.
        var seen = await provider.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/decisions");
        var decisions = seen.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Equal(firstId, decisions[1].GetProperty("id").GetGuid());
        Assert.Equal(decisions[0].GetProperty("id").GetGuid(), decisions[1].GetProperty("supersededBy").GetGuid());
        Assert.Equal(firstId, decisions[0].GetProperty("supersedes").GetGuid());
        Assert.Equal("Pass", decisions[1].GetProperty("outcome").GetString());
        Assert.Equal(2, decisions[1].GetProperty("versions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("form").ValueKind);
        Assert.Contains("DecisionSuperseded", (await office.CaseAsync(caseId)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()));

        Assert.Equal("Published", (await office.MovedAsync(caseId, "Publish")).GetProperty("state").GetString());
        var entry = await app.WithDbAsync(db => db.RegistryEntries.SingleAsync(e => e.CaseId == caseId));
        Assert.Equal(decisions[0].GetProperty("id").GetGuid(), entry.DecisionId);
        Assert.Equal("PassWithConditions", entry.Outcome.ToString());
        Assert.Equal("Government", entry.Visibility.ToString());
        Assert.Single(entry.Versions);

        var afterPublication = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", Decision(versions, reason: "Too late."));
        Assert.Equal(HttpStatusCode.Conflict, afterPublication.StatusCode);
        Assert.Equal("NotAllowedNow", (await afterPublication.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refusal").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_decision_is_not_a_bare_transition(Database engine)
    {
        var (caseId, _) = await EscalatedCaseAsync(apps, engine);
        using var committee = await CaseApi.ForAsync(apps, engine, Role.Committee);

        var bare = await committee.MoveAsync(caseId, "RecordDecision", "Decided.");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("/decisions", (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("Action")[0].GetString());
        Assert.Equal("Escalated", (await committee.CaseAsync(caseId)).GetProperty("state").GetString());
        Assert.DoesNotContain("RecordDecision", (await committee.CaseAsync(caseId)).GetProperty("yourActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_committee_records_a_decision_on_the_decision_page(Database engine)
    {
        var (caseId, versions) = await EscalatedCaseAsync(apps, engine);
        var committee = await apps.SignedIn(engine, Role.Committee);
        var page = $"/Decisions?id={caseId}";

        var form = await committee.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("name=\"Form.Conditions[4].Deadline\"", form.Html);
        var invalid = await committee.PostFormAsync(page, [new("id", caseId.ToString()), new("Form.Outcome", "PassWithConditions"),
            new("Form.VersionIds", versions[0].ToString()), new("Form.ValidFrom", Today.ToString("yyyy-MM-dd")), new("Form.ValidUntil", Today.AddYears(1).ToString("yyyy-MM-dd")),
            new("Form.Visibility", "Public"), new("Form.Reason", "Mitigable.")], formPage: page);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        Assert.Contains("at least one condition", invalid.Html);

        var recorded = await committee.PostFormAsync(page, [new("id", caseId.ToString()), new("Form.Outcome", "PassWithConditions"),
            new("Form.VersionIds", versions[0].ToString()), new("Form.ValidFrom", Today.ToString("yyyy-MM-dd")), new("Form.ValidUntil", Today.AddYears(1).ToString("yyyy-MM-dd")),
            new("Form.Conditions[0].Text", "Publish the SBOM of every release."), new("Form.Conditions[0].Deadline", Today.AddMonths(3).ToString("yyyy-MM-dd")),
            new("Form.Conditions[1].Text", ""), new("Form.Conditions[1].Deadline", ""),
            new("Form.Visibility", "Confidential"), new("Form.Reason", "Mitigable within three months.")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);

        var shown = await committee.GetAsync(page);
        Assert.Contains("Publish the SBOM of every release.", shown.Html);
        Assert.Contains("data-current=\"true\"", shown.Html);
        Assert.Contains("Replace the decision", shown.Html);
    }
}
