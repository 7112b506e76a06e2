using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.CiiProcurement;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using CyberReview.Web.Tests.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.CiiProcurement;

/// <summary>Declarations through the API, and the organisations and people a test needs around them.</summary>
internal static class Declarations
{
    public const string Operator = "Provincial Power Grid Company";
    public const string Department = "Telecommunications Sector Department";

    public static async Task<HttpClient> ApiAsync(Apps apps, Database engine, Role role) =>
        Tokens.ApiClient(await apps.For(engine), await Tokens.CreateAsync(await apps.SignedIn(engine, role), "cii " + role));

    public static async Task<HttpClient> ApiAsync(CyberReviewApp app, PageClient signedIn) =>
        Tokens.ApiClient(app, await Tokens.CreateAsync(signedIn, "cii"));

    /// <summary>A new organisation of the kind; a procuring body is designated a CII operator under the department when one is named.</summary>
    public static async Task<string> OrganisationAsync(CyberReviewApp app, OrganisationKind kind, string? underDepartment = null)
    {
        var name = $"{kind} {Guid.NewGuid():N}"[..30];
        await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = name, Kind = kind, CreatedAt = TimeProvider.System.GetUtcNow() };
            db.Organisations.Add(organisation);
            if (underDepartment is not null)
            {
                var department = await db.Organisations.Where(o => o.Name == underDepartment).Select(o => o.Id).SingleAsync();
                db.CiiOperators.Add(new CiiOperator { OrganisationId = organisation.Id, ProtectionDepartmentId = department, DesignatedAt = TimeProvider.System.GetUtcNow() });
            }
            return await db.SaveChangesAsync();
        });
        return name;
    }

    /// <summary>A signed-in user of a new organisation of the kind.</summary>
    public static async Task<PageClient> PersonOfNewAsync(Apps apps, Database engine, Role role, OrganisationKind kind, string? underDepartment = null) =>
        await EvaluationCases.SignedInAsync(apps, engine, role, await OrganisationAsync(await apps.For(engine), kind, underDepartment));

    public static async Task<(Guid Product, Guid Version)> ProductAsync(CyberReviewApp app, string name, string version) =>
        await app.WithDbAsync(db => db.ProductVersions.Where(v => v.Version == version && db.Products.Any(p => p.Id == v.ProductId && p.Name == name))
            .Select(v => new ValueTuple<Guid, Guid>(v.ProductId, v.Id)).SingleAsync());

    public static object Registered(Guid product, Guid version, string system = "Dispatch data network") => new
    {
        productId = product,
        versionIds = new[] { version },
        purpose = "Replace the core routers of the dispatch data network.",
        systemName = system,
        level = "Level4",
        commitments = new[] { "NoIllegalDataCollection", "NoIllegalDeviceControl", "NoUnjustifiedInterruption" },
        contractReference = "PG-" + Guid.NewGuid().ToString("N")[..8],
    };

    public static object FreeText(string product = "Meridian MX-40 printers") => new
    {
        productName = product,
        supplierName = "Meridian Imaging Ltd.",
        versionsText = "firmware 2.3",
        purpose = "Printers for the administration floor.",
        systemName = "Head office LAN",
        level = "Level2",
        commitments = new[] { "NoIllegalDataCollection", "NoIllegalDeviceControl", "NoUnjustifiedInterruption" },
        contractReference = "PG-" + Guid.NewGuid().ToString("N")[..8],
    };

    public static async Task<JsonElement> FiledAsync(HttpClient api, object declaration)
    {
        var response = await api.PostAsJsonAsync("/api/v1/cii-declarations", declaration);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> DetermineAsync(HttpClient api, Guid id, string determination, string? reasons, Guid? providerId = null) =>
        api.PostAsJsonAsync($"/api/v1/cii-declarations/{id}/determination", new { determination, reasons, providerId });
}
