using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Products;

/// <summary>A reviewed version's composition is frozen: once a case past Draft names it, nothing about it changes.</summary>
public sealed class ProductCompositionTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_draft_application_leaves_the_version_open_and_records_each_change_on_its_timeline(Database engine)
    {
        using var products = await ProductApi.ForOwnProviderAsync(apps, engine);
        using var cases = await CaseApi.ForAsync(await apps.For(engine), await ProductApi.OwnProviderAsync(apps, engine));
        var product = await products.ProductAsync(ProductApi.Unique("Draft router"));
        var version = await products.VersionAsync(product, "1.0");
        var draft = (await cases.ApplyAsync("Draft composition", [version])).GetProperty("id").GetGuid();

        var component = await products.ComponentAsync(product, version, ProductApi.Component());
        var changed = await products.Http.PutAsJsonAsync($"/api/v1/products/{product}/versions/{version}/components/{component}", ProductApi.Component(version: "3.0.14"));
        var removed = await products.Http.DeleteAsync($"/api/v1/products/{product}/versions/{version}/components/{component}");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var timeline = (await cases.CaseAsync(draft)).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["Opened", "ComponentAdded", "ComponentChanged", "ComponentRemoved"], timeline.Select(e => e.GetProperty("what").GetString()));
        Assert.EndsWith("1.0: OpenSSL 3.0.13 → OpenSSL 3.0.14", timeline[2].GetProperty("reason").GetString());
        Assert.Equal("Provider", timeline[1].GetProperty("part").GetString());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Once_the_case_is_submitted_every_change_to_the_version_is_refused_with_the_case_named(Database engine)
    {
        var app = await apps.For(engine);
        using var products = await ProductApi.ForOwnProviderAsync(apps, engine);
        using var cases = await CaseApi.ForAsync(await apps.For(engine), await ProductApi.OwnProviderAsync(apps, engine));
        using var office = await ProductApi.ForAsync(apps, engine, Role.Office);
        var product = await products.ProductAsync(ProductApi.Unique("Reviewed router"));
        var version = await products.VersionAsync(product, "5.3");
        var component = await products.ComponentAsync(product, version, ProductApi.Component());
        var draft = await cases.ApplyAsync("Frozen composition", [version]);
        var caseId = draft.GetProperty("id").GetGuid();
        var number = draft.GetProperty("number").GetString()!;
        await cases.MovedAsync(caseId, "Submit");
        var versionPath = $"/api/v1/products/{product}/versions/{version}";
        var componentPath = $"{versionPath}/components/{component}";

        var refusals = new Dictionary<string, HttpResponseMessage>
        {
            ["add"] = await products.PostAsync($"{versionPath}/components", ProductApi.Component("zlib", "1.3.1", purl: "pkg:generic/zlib@1.3.1")),
            ["change"] = await products.Http.PutAsJsonAsync(componentPath, ProductApi.Component(version: "3.0.14")),
            ["remove"] = await products.Http.DeleteAsync(componentPath),
            ["relabel"] = await products.Http.PutAsJsonAsync(versionPath, new { version = "5.3.1" }),
        };

        foreach (var (what, response) in refusals)
        {
            var problem = await ProductApi.ProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("CompositionFrozen", problem.GetProperty("refusal").GetString());
            Assert.Equal([number], problem.GetProperty("cases").EnumerateArray().Select(c => c.GetString()));
            Assert.True(problem.GetProperty("detail").GetString()!.Contains($"Version 5.3 is under review in {number}", StringComparison.Ordinal), what);
            Assert.Contains("Add a new version instead", problem.GetProperty("detail").GetString());
        }
        var stored = await app.WithDbAsync(db => db.ProductVersions.Include(v => v.Components).SingleAsync(v => v.Id == version));
        Assert.Equal("5.3", stored.Version);
        Assert.Equal([("OpenSSL", "3.0.13")], stored.Components.Select(c => (c.Name, c.Version)));
        var seen = await office.GetAsync(versionPath);
        Assert.True(seen.GetProperty("frozen").GetBoolean());
        Assert.Equal([number], seen.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        Assert.Equal("Submitted", seen.GetProperty("cases")[0].GetProperty("state").GetString());
        // The case's timeline is untouched by the refused attempts.
        Assert.DoesNotContain((await cases.CaseAsync(caseId)).GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.StartsWith("Component", StringComparison.Ordinal));

        var next = await products.CreatedAsync($"/api/v1/products/{product}/versions", new { version = "5.4", copyComponentsFrom = version });
        var nextId = next.GetProperty("id").GetGuid();
        Assert.False(next.GetProperty("frozen").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await products.Http.PutAsJsonAsync($"/api/v1/products/{product}/versions/{nextId}/components/{next.GetProperty("components")[0].GetProperty("id").GetGuid()}",
            ProductApi.Component(version: "3.0.14"))).StatusCode);
        // Renaming the product is not a change of composition.
        Assert.Equal(HttpStatusCode.OK, (await products.Http.PutAsJsonAsync($"/api/v1/products/{product}", new { name = ProductApi.Unique("Reviewed router"), kind = "Hardware" })).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pages_show_a_frozen_version_and_refuse_to_change_it(Database engine)
    {
        using var products = await ProductApi.ForOwnProviderAsync(apps, engine);
        using var cases = await CaseApi.ForAsync(await apps.For(engine), await ProductApi.OwnProviderAsync(apps, engine));
        var product = await products.ProductAsync(ProductApi.Unique("Frozen page router"));
        var version = await products.VersionAsync(product, "7.0");
        var component = await products.ComponentAsync(product, version, ProductApi.Component());
        var draft = await cases.ApplyAsync("Frozen page", [version]);
        await cases.MovedAsync(draft.GetProperty("id").GetGuid(), "Submit");
        var number = draft.GetProperty("number").GetString()!;
        var provider = await ProductApi.OwnProviderAsync(apps, engine);

        var page = await provider.GetAsync($"/Products/Product?id={product}");
        var form = await provider.GetAsync($"/Products/Component?productId={product}&versionId={version}&id={component}");
        var removed = await provider.PostFormAsync("/Products/Product?handler=Remove",
            [new("id", product.ToString()), new("versionId", version.ToString()), new("componentId", component.ToString())], formPage: $"/Products/Product?id={product}");
        var posted = await provider.PostFormAsync($"/Products/Component?productId={product}&versionId={version}",
            [new("Form.Name", "zlib"), new("Form.Version", "1.3.1"), new("Form.Supplier", "Jean-loup Gailly and Mark Adler"), new("Form.CountryOfOrigin", "US")], formPage: $"/Products/Product?id={product}");

        Assert.Contains("data-testid=\"frozen\"", page.Html);
        Assert.Contains(number, page.Html);
        Assert.DoesNotContain("handler=Remove", page.Html);
        Assert.Contains($"/Products/Version?productId={product}&amp;copyFrom={version}", page.Html);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"Version 7.0 is under review in {number}", form.Html);
        Assert.DoesNotContain("name=\"Form.Name\"", form.Html);
        Assert.Equal(HttpStatusCode.Conflict, removed.Status);
        Assert.Contains("composition is frozen", removed.Html);
        Assert.Equal(HttpStatusCode.Conflict, posted.Status);
        Assert.Contains(number, posted.Html);
    }
}
