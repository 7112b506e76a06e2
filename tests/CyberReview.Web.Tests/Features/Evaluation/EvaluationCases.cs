using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Cases;
using CyberReview.Data.Organisations;
using CyberReview.Data.Undertakings;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.Undertakings;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Evaluation;

/// <summary>
/// Cases for evaluation tests: opened and screened by the office through the API, with institutions given the
/// Evaluator part directly (institution assignment is a feature of its own).
/// </summary>
internal static class EvaluationCases
{
    public const string Laboratory = "National Network Product Testing Laboratory";
    public const string Provider = "Northwind Networks Ltd.";

    /// <summary>A case in evaluation, the given institutions holding the Evaluator part.</summary>
    public static async Task<Guid> InEvaluationAsync(Apps apps, Database engine, params string[] institutions)
    {
        var id = await ScreeningAsync(apps, engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        await office.MovedAsync(id, "ScreenRequired", "Core routers of the national backbone: Art. 2 applies.");
        var app = await apps.For(engine);
        foreach (var institution in institutions)
            await GrantAsync(app, id, CaseActor.Evaluator, institution);
        return id;
    }

    /// <summary>A case still in screening.</summary>
    public static async Task<Guid> ScreeningAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        using var office = await CaseApi.ForAsync(apps, engine, Role.Office);
        var provider = await OrganisationAsync(app, Provider);
        var versions = await CaseApi.VersionsOfAsync(app, Provider);
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Evaluation of NR-9000 " + Guid.NewGuid().ToString("N")[..6],
            providerId = provider,
            versionIds = versions[..1],
            trigger = "MarketReaction",
            justification = "Reports of unexplained outbound connections.",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await office.MovedAsync(id, "StartScreening");
        return id;
    }

    public static async Task<Guid> OrganisationAsync(CyberReviewApp app, string name) =>
        await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>
    /// Gives an organisation (whose staff with the fitting role then hold it) a part in the case. Its present staff in
    /// that role accept the case's confidentiality terms too, as they would on their first access (Features/Undertakings),
    /// unless <paramref name="acceptTerms"/> is false (tests of the undertaking itself, or of someone who joins later).
    /// </summary>
    public static async Task GrantAsync(CyberReviewApp app, Guid caseId, CaseActor part, string organisation, bool acceptTerms = true)
    {
        var organisationId = await OrganisationAsync(app, organisation);
        await app.WithDbAsync(async db =>
        {
            db.CaseMembers.Add(new CaseMember { Id = Guid.CreateVersion7(), CaseId = caseId, Part = part, OrganisationId = organisationId, GrantedAt = DateTimeOffset.UnixEpoch });
            if (acceptTerms && ConfidentialityUndertaking.RequiredOf(part))
            {
                var role = CaseParts.RoleFor(part)!.Value.ToString();
                var staff = await db.Users.Where(u => u.OrganisationId == organisationId
                        && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == role))
                        && !db.UndertakingAcceptances.Any(a => a.CaseId == caseId && a.UserId == u.Id))
                    .Select(u => u.Id).ToListAsync();
                db.UndertakingAcceptances.AddRange(staff.Select(userId => new UndertakingAcceptance
                {
                    Id = Guid.CreateVersion7(), CaseId = caseId, UserId = userId, TermsVersion = ConfidentialityUndertaking.CurrentTerms, Part = part,
                    AcceptedAt = TimeProvider.System.GetUtcNow(),
                }));
            }
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A new institution with one evaluator, signed in.</summary>
    public static async Task<(string Name, PageClient Evaluator)> InstitutionAsync(Apps apps, Database engine)
    {
        var app = await apps.For(engine);
        var name = "Institute " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Id = Guid.CreateVersion7(), Name = name, Kind = OrganisationKind.Institution, CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        return (name, await SignedInAsync(apps, engine, Role.Evaluator, name));
    }

    /// <summary>A new user of an organisation, signed in.</summary>
    public static async Task<PageClient> SignedInAsync(Apps apps, Database engine, Role role, string organisation)
    {
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, role, organisation);
        var client = PageClient.For(await apps.For(engine));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, password)).Status);
        return client;
    }

    public static object LaboratoryPlan(string scope = "NR-9000 5.3 management plane and update mechanism") => new
    {
        kind = "LaboratoryTesting",
        scope,
        method = "GB/T 22239-2019 test procedures; fuzzing of the management interfaces.",
        plannedStart = "2026-12-01",
        plannedEnd = "2026-12-18",
        testEnvironment = "Two NR-9000 units on an isolated test network with full traffic capture.",
        laboratoryLocation = "Beijing laboratory, building 3",
    };

    public static object Finding(string riskArea = "IllegalControl", string criterionId = "CR-IC-03", string severity = "High", Guid? activityId = null,
        string title = "Undocumented maintenance account", object[]? evidence = null) => new
    {
        activityId,
        riskArea,
        criterionId,
        severity,
        title,
        description = "Firmware 5.3 contains an account 'nwsupport' with a fixed password, absent from the documentation.",
        recommendedCondition = "Remove the account, or disable it by default and document it.",
        evidence = evidence ?? [new { label = "Firmware image 5.3", url = "https://evidence.lab.example/nr9000/5.3.bin", sha256 = new string('a', 64) }],
    };

    public static object[] Conclusions(string controlVerdict = "ControllableRisk") =>
    [
        new { riskArea = "IllegalControl", verdict = controlVerdict, reasoning = "One undocumented account; removable by update." },
        new { riskArea = "SupplyChain", verdict = "NoSignificantRisk", reasoning = "Build and signing inspected on site." },
        new { riskArea = "UserInformation", verdict = "NoSignificantRisk", reasoning = "No user data leaves the device." },
        new { riskArea = "UnfairCompetition", verdict = "NoSignificantRisk", reasoning = "No lock-in found." },
        new { riskArea = "OtherNationalSecurity", verdict = "NoSignificantRisk", reasoning = "None found." },
    ];
}

/// <summary>The evaluation API of one case, as one person.</summary>
internal sealed class EvaluationClient(HttpClient http, Guid caseId) : IDisposable
{
    public HttpClient Http { get; } = http;
    public Guid CaseId { get; } = caseId;

    public static async Task<EvaluationClient> ForAsync(Apps apps, Database engine, Role role, Guid caseId) =>
        new((await CaseApi.ForAsync(apps, engine, role)).Http, caseId);

    public static async Task<EvaluationClient> ForAsync(CyberReviewApp app, PageClient signedIn, Guid caseId) =>
        new((await CaseApi.ForAsync(app, signedIn)).Http, caseId);

    public string Path(string relative) => $"/api/v1/cases/{CaseId}/{relative}";

    public Task<HttpResponseMessage> GetAsync(string relative) => Http.GetAsync(Path(relative));

    public Task<HttpResponseMessage> PostAsync(string relative, object body) => Http.PostAsJsonAsync(Path(relative), body);

    public Task<HttpResponseMessage> PutAsync(string relative, object body) => Http.PutAsJsonAsync(Path(relative), body);

    public async Task<JsonElement> CreatedAsync(string relative, object body)
    {
        var response = await PostAsync(relative, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{relative}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> ReadAsync(string relative) => await OkAsync(await GetAsync(relative));

    /// <summary>A problem response with this status; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An activity of the lab's kind, started, with results, completed.</summary>
    public async Task<Guid> CompletedActivityAsync()
    {
        var activity = (await CreatedAsync("activities", EvaluationCases.LaboratoryPlan())).GetProperty("id").GetGuid();
        await OkAsync(await PostAsync($"activities/{activity}/status", new { status = "InProgress" }));
        await OkAsync(await PutAsync($"activities/{activity}/results", new { results = "212 test cases run; one undocumented account found." }));
        await OkAsync(await PostAsync($"activities/{activity}/status", new { status = "Completed" }));
        return activity;
    }

    public void Dispose() => Http.Dispose();
}
