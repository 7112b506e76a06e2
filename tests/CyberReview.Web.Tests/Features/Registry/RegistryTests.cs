using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Products;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using CyberReview.Web.Tests.Features.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CyberReview.Web.Tests.Features.Registry;

/// <summary>Apps of their own: these tests add providers and departments, which tests on the shared apps count.</summary>
public sealed class RegistryApps : IAsyncDisposable
{
    public Apps Apps { get; } = new();

    public ValueTask DisposeAsync() => Apps.DisposeAsync();
}

public sealed class RegistryTests(RegistryApps own) : IClassFixture<RegistryApps>
{
    private static DateOnly Today => ReviewDay.Today;
    private static readonly string[] Visibilities = ["Public", "Government", "Sector", "Confidential"];

    /// <summary>A new provider with one product per visibility, each reviewed, decided by the committee with that visibility, and published.</summary>
    internal static async Task<(string Tag, Dictionary<string, string> Products)> PublishedResultsAsync(RegistryApps own, Database engine)
    {
        var app = await own.Apps.For(engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var products = Visibilities.ToDictionary(v => v, v => $"Registry {tag} {v} Gateway");
        var (providerId, versions) = await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = $"Registry Provider {tag}", Kind = OrganisationKind.Provider, CreatedAt = now };
            db.Organisations.Add(provider);
            var made = products.ToDictionary(p => p.Key, p => new Product
            {
                Id = Guid.CreateVersion7(), ProviderId = provider.Id, Name = p.Value, Kind = ProductKind.Hardware, CreatedAt = now,
                Versions = [new ProductVersion { Id = Guid.CreateVersion7(), Version = "1.0" }],
            });
            db.Products.AddRange(made.Values);
            await db.SaveChangesAsync();
            return (provider.Id, made.ToDictionary(m => m.Key, m => m.Value.Versions[0].Id));
        });
        var telecom = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Telecommunications Sector Department").Select(o => o.Id).SingleAsync());
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        foreach (var visibility in Visibilities)
        {
            var (caseId, _) = await DecisionTests.EscalatedCaseAsync(own.Apps, engine, sector: visibility == "Sector" ? telecom : null, versions: [versions[visibility]], providerId: providerId);
            if (visibility == "Public")
                await ReportedAsync(app, caseId);
            var decided = await committee.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/decisions", new
            {
                outcome = visibility == "Confidential" ? "Fail" : "Pass",
                versionIds = new[] { versions[visibility] },
                validFrom = visibility == "Confidential" ? (DateOnly?)null : Today,
                validUntil = visibility == "Confidential" ? (DateOnly?)null : Today.AddYears(2),
                visibility,
                reason = "The committee weighed the panel's opinions.",
            });
            Assert.Equal(HttpStatusCode.Created, decided.StatusCode);
            await office.MovedAsync(caseId, "Publish");
        }
        return (tag, products);
    }

    // The case's evaluation, as an institution's signed report leaves it (the escalated case skipped it): the catalogue chosen, one report standing.
    private static Task<int> ReportedAsync(CyberReviewApp app, Guid caseId) => app.WithDbAsync(async db =>
    {
        var reviewCase = await db.Cases.SingleAsync(c => c.Id == caseId);
        reviewCase.CatalogueVersion = CyberReview.Reviews.Criteria.CriteriaCatalogue.BuiltinVersion;
        var institution = await db.Organisations.Where(o => o.Kind == OrganisationKind.Institution).OrderBy(o => o.Name).FirstAsync();
        db.EvaluationReports.Add(new CyberReview.Data.Evaluation.EvaluationReport
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, InstitutionId = institution.Id, Version = 1, Summary = "Nothing of concern.",
            CatalogueVersion = reviewCase.CatalogueVersion, SignedById = Guid.CreateVersion7(), SignedByName = "Test Evaluator",
            SignOffStatement = "Signed off.", SignedAt = TimeProvider.System.GetUtcNow(),
        });
        return await db.SaveChangesAsync();
    });

    private static async Task<string[]> ListedAsync(HttpClient client, string tag)
    {
        var response = await client.GetAsync($"/api/v1/registry?search={tag}&pageSize=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product").GetString()!).Order()];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Each_result_is_listed_only_for_those_its_visibility_names(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await PublishedResultsAsync(own, engine);
        var (otherSectorEmail, otherSectorPassword) = await OtherSectorUserAsync(engine);
        var otherSector = PageClient.For(app);
        await otherSector.SignInAsync(otherSectorEmail, otherSectorPassword);
        string[] Expected(params string[] visibilities) => [.. visibilities.Select(v => products[v]).Order()];

        using var anonymous = app.CreateClient();
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        using var sector = await CaseApi.ForAsync(own.Apps, engine, Role.SectorAuthority);
        using var evaluator = await CaseApi.ForAsync(own.Apps, engine, Role.Evaluator);
        using var committee = await CaseApi.ForAsync(own.Apps, engine, Role.Committee);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        using var otherSectorApi = await CaseApi.ForAsync(app, otherSector);

        Assert.Equal(Expected("Public"), await ListedAsync(anonymous, tag));
        Assert.Equal(Expected("Public"), await ListedAsync(evaluator.Http, tag));
        Assert.Equal(Expected("Public", "Government"), await ListedAsync(procurer.Http, tag));
        Assert.Equal(Expected("Public", "Sector"), await ListedAsync(sector.Http, tag));
        Assert.Equal(Expected("Public"), await ListedAsync(otherSectorApi.Http, tag));
        // The committee holds a part in every one of these cases (each was escalated), so it sees the confidential one too.
        Assert.Equal(Expected(Visibilities), await ListedAsync(committee.Http, tag));
        Assert.Equal(Expected(Visibilities), await ListedAsync(office.Http, tag));

        var item = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={tag}")).GetProperty("items")[0];
        Assert.Equal($"Registry Provider {tag}", item.GetProperty("provider").GetString());
        Assert.Equal([$"{products["Public"]} 1.0"], item.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Pass", item.GetProperty("outcome").GetString());
        Assert.Equal(Today.AddYears(2).ToString("yyyy-MM-dd"), item.GetProperty("validUntil").GetString());
        Assert.Equal("Published", item.GetProperty("status").GetString());
        // Who evaluated it and against which catalogue, as the case stood when it was published; a plain pass has no conditions.
        var (institutions, catalogue) = await app.WithDbAsync(async db =>
        {
            var caseId = await db.RegistryEntries.Where(e => e.Product == products["Public"]).Select(e => e.CaseId).SingleAsync();
            return (await db.EvaluationReports.Where(r => r.CaseId == caseId && r.SupersededById == null)
                    .Join(db.Organisations, r => r.InstitutionId, o => o.Id, (r, o) => o.Name).ToListAsync(),
                await db.Cases.Where(c => c.Id == caseId).Select(c => c.CatalogueVersion).SingleAsync());
        });
        Assert.NotEmpty(institutions);
        Assert.NotNull(catalogue);
        Assert.Equal(institutions.Order(StringComparer.Ordinal), item.GetProperty("institutions").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(catalogue, item.GetProperty("catalogueVersion").GetString());
        Assert.Empty(item.GetProperty("conditions").EnumerateArray());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_result_whose_validity_has_ended_expires_and_the_registry_says_so(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await PublishedResultsAsync(own, engine);
        var lapsed = await app.WithDbAsync(async db =>
        {
            var caseId = await db.RegistryEntries.Where(e => e.Product == products["Public"]).Select(e => e.CaseId).SingleAsync();
            var decision = await db.Decisions.SingleAsync(d => d.CaseId == caseId);
            decision.ValidUntil = Today.AddDays(-2);
            await db.SaveChangesAsync();
            return caseId;
        });

        await using (var scope = app.Scope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<CyberReview.Web.Features.Cases.CaseCommands>();
            Assert.Equal(1, await commands.ExpireEndedAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await commands.ExpireEndedAsync(TestContext.Current.CancellationToken));
        }

        var anonymous = app.CreateClient();
        var item = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={tag}")).GetProperty("items")[0];
        Assert.Equal("Expired", item.GetProperty("status").GetString());
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var last = (await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{lapsed}")).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("Expire", "System", "Expired"), (last.GetProperty("what").GetString(), last.GetProperty("part").GetString(), last.GetProperty("to").GetString()));
        // Results still within their validity stay in force.
        var states = await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Product.Contains(tag) && e.CaseId != lapsed)
            .Select(e => db.Cases.Where(c => c.Id == e.CaseId).Select(c => c.State).Single()).ToListAsync());
        Assert.Equal(3, states.Count);
        Assert.All(states, state => Assert.Equal(CyberReview.Reviews.Cases.CaseState.Published, state));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_suspends_reinstates_and_revokes_a_result_with_reasons_and_the_registry_follows(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await PublishedResultsAsync(own, engine);
        var caseId = await app.WithDbAsync(db => db.RegistryEntries.Where(e => e.Product == products["Public"]).Select(e => e.CaseId).SingleAsync());
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(own.Apps, engine, Role.Provider);
        var anonymous = app.CreateClient();
        async Task<string?> StatusAsync() =>
            (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/registry?search={tag}")).GetProperty("items")[0].GetProperty("status").GetString();

        Assert.Equal(HttpStatusCode.Conflict, (await office.MoveAsync(caseId, "Suspend")).StatusCode);
        Assert.Equal("Published", await StatusAsync());
        // The provider of another organisation does not even learn the case exists.
        Assert.Equal(HttpStatusCode.NotFound, (await provider.MoveAsync(caseId, "Suspend", "Mine to stop.")).StatusCode);

        await office.MovedAsync(caseId, "Suspend", "A new advisory affects the firmware; suspended until the provider's fix is assessed.");
        Assert.Equal("Suspended", await StatusAsync());
        await office.MovedAsync(caseId, "Reinstate", "The fix was assessed and closes the advisory.");
        Assert.Equal("Published", await StatusAsync());
        await office.MovedAsync(caseId, "Revoke", "The provider broke its commitment on remote updates.");
        Assert.Equal("Revoked", await StatusAsync());
        var refused = await office.MoveAsync(caseId, "Reinstate", "Too late.");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Revoked", await StatusAsync());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_registry_page_is_public_and_shows_signed_in_users_what_was_circulated_to_them(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await PublishedResultsAsync(own, engine);
        var anonymous = PageClient.For(app);
        var procurer = await own.Apps.SignedIn(engine, Role.Procurer);

        var publicPage = await anonymous.GetAsync($"/Registry?search={tag}");
        var procurerPage = await procurer.GetAsync($"/Registry?search={tag}");

        Assert.Equal(HttpStatusCode.OK, publicPage.Status);
        Assert.Contains(products["Public"], publicPage.Html);
        Assert.DoesNotContain(products["Government"], publicPage.Html);
        Assert.DoesNotContain(products["Confidential"], publicPage.Html);
        Assert.Contains(products["Government"], procurerPage.Html);
        Assert.DoesNotContain(products["Sector"], procurerPage.Html);
        Assert.Contains("href=\"/Registry\"", publicPage.Html);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_token_is_refused_rather_than_read_as_anonymous_and_a_session_cookie_adds_nothing(Database engine)
    {
        var app = await own.Apps.For(engine);
        var (tag, products) = await PublishedResultsAsync(own, engine);
        using var badToken = app.CreateClient();
        badToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "crv_not-a-real-token");
        var procurerSession = await own.Apps.SignedIn(engine, Role.Procurer);

        var refused = await badToken.GetAsync("/api/v1/registry");
        var cookieOnly = await procurerSession.GetAsync($"/api/v1/registry?search={tag}");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, cookieOnly.Status);
        Assert.Contains(products["Public"], cookieOnly.Html);
        Assert.DoesNotContain(products["Government"], cookieOnly.Html);
    }

    private async Task<(string Email, string Password)> OtherSectorUserAsync(Database engine)
    {
        var app = await own.Apps.For(engine);
        var name = $"Energy Sector Department {Guid.NewGuid().ToString("N")[..6]}";
        await app.WithDbAsync(db =>
        {
            db.Organisations.Add(new Organisation { Id = Guid.CreateVersion7(), Name = name, Kind = OrganisationKind.SectorDepartment, CreatedAt = TimeProvider.System.GetUtcNow() });
            return db.SaveChangesAsync();
        });
        return await Invitations.CreateActiveUserAsync(own.Apps, engine, Role.SectorAuthority, name);
    }
}
