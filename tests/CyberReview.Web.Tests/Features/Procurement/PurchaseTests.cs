using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Procurement;

public sealed class PurchaseTests(ProcurementApps own) : IClassFixture<ProcurementApps>
{
    private static async Task<JsonElement> RecordedAsync(HttpClient client, object purchase, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/procurement/purchases") { Content = JsonContent.Create(purchase) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_procurer_records_purchases_with_the_verdict_of_the_moment_and_the_office_sees_the_risky_ones_per_sector(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        var reference = $"TENDER-{shelf.Tag}";

        var failed = await RecordedAsync(procurer.Http, new { purl = shelf.Purl, version = "3.0", sectorDepartmentId = shelf.Telecom, reference }, key: $"buy-{shelf.Tag}");
        var again = await RecordedAsync(procurer.Http, new { purl = shelf.Purl, version = "3.0", sectorDepartmentId = shelf.Telecom, reference }, key: $"buy-{shelf.Tag}");
        var passed = await RecordedAsync(procurer.Http, new { productId = shelf.ProductId, version = "1.0", sectorDepartmentId = shelf.Telecom, reference });
        var unreviewed = await RecordedAsync(procurer.Http, new { provider = shelf.Provider, product = shelf.Product, version = "5.0", reference });

        var failedEntry = await Shelf.EntryOfAsync(app, shelf.Cases["3.0"]);
        Assert.Equal(("Failed", failedEntry), (failed.GetProperty("verdict").GetString(), failed.GetProperty("entryId").GetGuid()));
        Assert.Equal(failed.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal("Passed", passed.GetProperty("verdict").GetString());
        Assert.Equal(("NotReviewed", JsonValueKind.Null), (unreviewed.GetProperty("verdict").GetString(), unreviewed.GetProperty("entryId").ValueKind));
        Assert.Equal("Provincial Power Grid Company", failed.GetProperty("buyer").GetString());

        var mine = await ItemsAsync(procurer.Http, "/api/v1/procurement/purchases?pageSize=100");
        Assert.Equal(3, mine.Count(p => p.GetProperty("reference").GetString() == reference));
        var telecom = await ItemsAsync(office.Http, $"/api/v1/procurement/oversight?sector={shelf.Telecom}&pageSize=100");
        var ours = telecom.Where(p => p.GetProperty("reference").GetString() == reference).ToList();
        // The pass is not the office's concern; the unreviewed purchase named no sector.
        Assert.Equal(["Failed"], ours.Select(p => p.GetProperty("verdict").GetString()));
        Assert.All(telecom, p => Assert.Equal(shelf.Telecom, p.GetProperty("sectorDepartmentId").GetGuid()));
        var notReviewed = await ItemsAsync(office.Http, "/api/v1/procurement/oversight?verdict=NotReviewed&pageSize=100");
        Assert.Contains(notReviewed, p => p.GetProperty("reference").GetString() == reference);
        Assert.All(notReviewed, p => Assert.Equal("NotReviewed", p.GetProperty("verdict").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await office.Http.GetAsync("/api/v1/procurement/oversight?verdict=Passed")).StatusCode);

        // What the buyer was told stays with the purchase when the result moves on later.
        await office.MovedAsync(shelf.Cases["1.0"], "Suspend", "An advisory affects the firmware.");
        var kept = await procurer.Http.GetFromJsonAsync<JsonElement>($"/api/v1/procurement/purchases/{passed.GetProperty("id").GetGuid()}");
        Assert.Equal("Passed", kept.GetProperty("verdict").GetString());
        await office.MovedAsync(shelf.Cases["1.0"], "Reinstate", "The fix closes the advisory.");

        // The page views show the same.
        var pages = await own.Apps.SignedIn(engine, Role.Office);
        var page = await pages.GetAsync($"/Procurement/Oversight?sector={shelf.Telecom}&verdict=Failed");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(reference, page.Html, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_procurers_record_only_the_office_oversees_and_nobody_sees_anothers_purchases(Database engine)
    {
        var shelf = await own.ShelfAsync(engine);
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        using var office = await CaseApi.ForAsync(own.Apps, engine, Role.Office);
        using var provider = await CaseApi.ForAsync(own.Apps, engine, Role.Provider);
        var mine = await RecordedAsync(procurer.Http, new { productId = shelf.ProductId, version = "2.0" });

        Assert.Equal(HttpStatusCode.Forbidden, (await office.Http.PostAsJsonAsync("/api/v1/procurement/purchases", new { productId = shelf.ProductId, version = "2.0" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.Http.GetAsync("/api/v1/procurement/purchases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await procurer.Http.GetAsync("/api/v1/procurement/oversight")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Http.GetAsync($"/api/v1/procurement/purchases/{mine.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await procurer.Http.GetAsync($"/api/v1/procurement/purchases/{Guid.NewGuid()}")).StatusCode);
        using var anonymous = (await own.Apps.For(engine)).CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/procurement/purchases")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_bad_purchase_is_refused_with_the_field_and_nothing_is_recorded(Database engine)
    {
        var app = await own.Apps.For(engine);
        var shelf = await own.ShelfAsync(engine);
        using var procurer = await CaseApi.ForAsync(own.Apps, engine, Role.Procurer);
        var before = await app.WithDbAsync(db => db.Purchases.CountAsync());

        async Task<(HttpStatusCode, string)> RefusedAsync(object body)
        {
            var response = await procurer.Http.PostAsJsonAsync("/api/v1/procurement/purchases", body);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, problem.TryGetProperty("errors", out var errors) ? string.Join(",", errors.EnumerateObject().Select(e => e.Name)) : "");
        }

        Assert.Equal((HttpStatusCode.BadRequest, "version"), await RefusedAsync(new { productId = shelf.ProductId }));
        Assert.Equal((HttpStatusCode.BadRequest, "version"), await RefusedAsync(new { productId = shelf.ProductId, version = "99.0" }));
        Assert.Equal((HttpStatusCode.BadRequest, "purl"), await RefusedAsync(new { purl = "pkg:", version = "1.0" }));
        Assert.Equal((HttpStatusCode.BadRequest, "sectorDepartmentId"), await RefusedAsync(new { productId = shelf.ProductId, version = "1.0", sectorDepartmentId = shelf.ProviderId }));
        Assert.Equal((HttpStatusCode.BadRequest, "reference"), await RefusedAsync(new { productId = shelf.ProductId, version = "1.0", reference = new string('x', 201) }));
        Assert.Equal(HttpStatusCode.NotFound, (await RefusedAsync(new { productId = Guid.NewGuid(), version = "1.0" })).Item1);
        Assert.Equal(before, await app.WithDbAsync(db => db.Purchases.CountAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_procurer_records_a_purchase_from_the_page(Database engine)
    {
        var shelf = await own.ShelfAsync(engine);
        var procurer = await own.Apps.SignedIn(engine, Role.Procurer);
        var reference = $"PAGE-{Guid.NewGuid():N}"[..20];

        var check = await procurer.GetAsync($"/Procurement/Check?productId={shelf.ProductId}&version=3.0");
        Assert.Contains($"/Procurement/Purchases?productId={shelf.ProductId}&amp;version=3.0", check.Html, StringComparison.Ordinal);
        var posted = await procurer.PostFormAsync($"/Procurement/Purchases?productId={shelf.ProductId}&version=3.0", new Dictionary<string, string>
        {
            ["Form.ProductId"] = shelf.ProductId.ToString(),
            ["Form.Version"] = "3.0",
            ["Form.SectorDepartmentId"] = shelf.Telecom.ToString(),
            ["Form.Reference"] = reference,
        });
        Assert.Equal("/Procurement/Purchases", posted.RedirectPath);
        var list = await procurer.GetAsync("/Procurement/Purchases");
        Assert.Contains(reference, list.Html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"Failed\"", list.Html, StringComparison.Ordinal);
        var refused = await procurer.PostFormAsync("/Procurement/Purchases", new Dictionary<string, string> { ["Form.ProductId"] = shelf.ProductId.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }
}
