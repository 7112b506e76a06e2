using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Institutions;
using CyberReview.Data.Organisations;
using CyberReview.Data.Products;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Evaluation;
using CyberReview.Reviews.Products;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Institutions;

/// <summary>
/// Sets the scene for institution tests through the API, the way the office would. Each test gets providers and
/// institutions of its own, so that declared ties and designations never reach another test's cases.
/// </summary>
internal static class InstitutionApi
{
    /// <summary>The demo evaluator works here.</summary>
    public const string Laboratory = "National Network Product Testing Laboratory";

    public static readonly string[] AllActivities = [.. Enum.GetNames<ActivityKind>()];
    public static readonly string[] AllProductKinds = [.. Enum.GetNames<ProductKind>()];

    private static readonly ConcurrentDictionary<Database, Lazy<Task<Guid>>> Laboratories = new();

    public static DateOnly Today => ReviewDay.Today;

    /// <summary>A provider with one product of its own (two versions), straight into the database: providers register products elsewhere.</summary>
    public static async Task<(Guid Id, Guid[] Versions)> NewProviderAsync(CyberReviewApp app, ProductKind kind = ProductKind.Hardware) =>
        await app.WithDbAsync(async db =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = $"Test provider {Guid.NewGuid():N}", Kind = OrganisationKind.Provider, CreatedAt = now };
            var product = new Product
            {
                Id = Guid.CreateVersion7(),
                ProviderId = provider.Id,
                Name = $"Test {kind}",
                Kind = kind,
                CreatedAt = now,
                Versions = [new ProductVersion { Id = Guid.CreateVersion7(), Version = "1.0" }, new ProductVersion { Id = Guid.CreateVersion7(), Version = "2.0" }],
            };
            db.AddRange(provider, product);
            await db.SaveChangesAsync();
            return (provider.Id, product.Versions.Select(v => v.Id).ToArray());
        });

    /// <summary>An institution registered the way an administrator or the office does, through the organisations API.</summary>
    public static async Task<Guid> NewInstitutionAsync(CaseApi office, string? name = null)
    {
        var response = await office.Http.PostAsJsonAsync("/api/v1/organisations", new { name = name ?? $"Test institution {Guid.NewGuid():N}", kind = "Institution" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A case the office opened and screened as requiring review: it is in evaluation.</summary>
    public static async Task<Guid> CaseInEvaluationAsync(CaseApi office, Guid providerId, Guid[] versions)
    {
        var id = await SubmittedCaseAsync(office, providerId, versions);
        await office.MovedAsync(id, "StartScreening");
        await office.MovedAsync(id, "ScreenRequired", "Used in the power grid's dispatch network: Art. 2 applies.");
        return id;
    }

    public static async Task<Guid> SubmittedCaseAsync(CaseApi office, Guid providerId, Guid[] versions)
    {
        var opened = await office.Http.PostAsJsonAsync("/api/v1/cases", new
        {
            title = "Institution test " + Guid.NewGuid().ToString("N")[..6],
            providerId,
            versionIds = versions,
            trigger = "MarketReaction",
            justification = "Public reports of unexplained outbound connections.",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> DesignateAsync(CaseApi office, Guid institution, string[]? activities = null, string[]? productKinds = null,
        DateOnly? from = null, DateOnly? until = null) =>
        await office.Http.PostAsJsonAsync($"/api/v1/institutions/{institution}/designations", new
        {
            activities = activities ?? AllActivities,
            productKinds = productKinds ?? AllProductKinds,
            validFrom = from ?? Today.AddDays(-2),
            validUntil = until ?? Today.AddYears(3),
            reference = "CRO-D-" + Guid.NewGuid().ToString("N")[..6],
        });

    public static async Task<JsonElement> DesignatedAsync(CaseApi office, Guid institution, string[]? activities = null, string[]? productKinds = null,
        DateOnly? from = null, DateOnly? until = null)
    {
        var response = await DesignateAsync(office, institution, activities, productKinds, from, until);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The demo laboratory, designated for everything unless a designation already stands (the demo data may
    /// bring one). Once per engine: tests in parallel would otherwise refuse each other's overlapping designations.
    /// </summary>
    public static Task<Guid> DesignatedLaboratoryAsync(Apps apps, Database engine) =>
        Laboratories.GetOrAdd(engine, e => new Lazy<Task<Guid>>(async () =>
        {
            var app = await apps.For(e);
            using var office = await CaseApi.ForAsync(apps, e, Role.Office);
            var id = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == Laboratory).Select(o => o.Id).SingleAsync());
            var institution = await office.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{id}");
            if (!institution.GetProperty("designations").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "InForce"))
                await DesignatedAsync(office, id);
            return id;
        })).Value;

    /// <summary>A designation that ran out ten days ago: the API refuses to make one, so the test writes it as history.</summary>
    public static async Task ExpiredDesignationAsync(CyberReviewApp app, Guid institution) =>
        await app.WithDbAsync(async db =>
        {
            var designatedBy = await db.Users.Where(u => u.Email == "office@" + CyberReview.Data.Demo.DemoData.EmailDomain).Select(u => u.Id).SingleAsync();
            db.Designations.Add(new Designation
            {
                Id = Guid.CreateVersion7(),
                InstitutionId = institution,
                Activities = [.. Enum.GetValues<ActivityKind>()],
                ProductKinds = [.. Enum.GetValues<ProductKind>()],
                ValidFrom = Today.AddYears(-3),
                ValidUntil = Today.AddDays(-10),
                DesignatedAt = TimeProvider.System.GetUtcNow().AddYears(-3),
                DesignatedById = designatedBy,
            });
            return await db.SaveChangesAsync();
        });

    public static async Task<HttpResponseMessage> AssignAsync(CaseApi office, Guid caseId, Guid institution, params string[] activities) =>
        await office.Http.PostAsJsonAsync($"/api/v1/cases/{caseId}/institutions", new { institutionId = institution, activities });

    /// <summary>The 409's reason, after checking that it is one.</summary>
    public static async Task<JsonElement> RefusedAsync(HttpResponseMessage response, string refusal)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{response.StatusCode}: {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(refusal, problem.GetProperty("refusal").GetString());
        return problem;
    }

    /// <summary>A new evaluator of the institution, signed in, with an API client of their own.</summary>
    public static async Task<(PageClient Pages, CaseApi Api, Guid UserId)> NewEvaluatorAsync(Apps apps, Database engine, string institution)
    {
        var app = await apps.For(engine);
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Evaluator, institution);
        var pages = PageClient.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SignInAsync(email, password)).Status);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (pages, await CaseApi.ForAsync(app, pages), userId);
    }

    public static async Task<Guid> DeclareAsync(CaseApi person, Guid providerId, string kind = "PaidWork", string description = "Tested their previous router line for pay in 2025.")
    {
        var response = await person.Http.PostAsJsonAsync("/api/v1/declarations", new { providerId, kind, description });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<string?[]> TimelineAsync(CaseApi someone, Guid caseId) =>
        [.. (await someone.CaseAsync(caseId)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString())];
}
