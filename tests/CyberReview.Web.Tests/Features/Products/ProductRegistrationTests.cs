using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Products;

/// <summary>A provider registers products, versions and components through the API; the office reads them.</summary>
public sealed class ProductRegistrationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_provider_registers_a_product_with_versions_and_key_components_and_the_office_reads_them(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        using var office = await ProductApi.ForAsync(apps, engine, Role.Office);
        var name = ProductApi.Unique("NR-7000 Edge Router");

        var created = await provider.CreatedAsync("/api/v1/products", new { name, kind = "Hardware", description = "Edge router for provincial networks." });
        var product = created.GetProperty("id").GetGuid();
        Assert.Equal(await ProductApi.OwnProviderNameAsync(apps, engine), created.GetProperty("provider").GetString());
        Assert.Equal("Hardware", created.GetProperty("kind").GetString());
        var version = await provider.CreatedAsync($"/api/v1/products/{product}/versions", new { version = "2.1", releasedOn = "2026-02-27" });
        var versionId = version.GetProperty("id").GetGuid();
        Assert.Equal("2026-02-27", version.GetProperty("releasedOn").GetString());
        Assert.False(version.GetProperty("frozen").GetBoolean());
        var component = await provider.PostAsync($"/api/v1/products/{product}/versions/{versionId}/components", new
        {
            name = "log4j-core",
            version = "2.17.1",
            supplier = "Apache Software Foundation",
            countryOfOrigin = "us",
            purl = "pkg:Maven/org.apache.logging.log4j/log4j-core@2.17.1",
            isKey = true,
        });
        Assert.Equal(HttpStatusCode.Created, component.StatusCode);
        var componentId = (await component.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/products/{product}/versions/{versionId}/components/{componentId}", component.Headers.Location?.OriginalString);
        await provider.ComponentAsync(product, versionId, ProductApi.Component("Northwind Boot Loader", "1.4", "CN", purl: null, isKey: false));

        var seen = await office.GetAsync($"/api/v1/products/{product}");
        var components = seen.GetProperty("versions").EnumerateArray().Single().GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["log4j-core", "Northwind Boot Loader"], components.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("US", components[0].GetProperty("countryOfOrigin").GetString());
        Assert.Equal("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", components[0].GetProperty("purl").GetString());
        Assert.True(components[0].GetProperty("isKey").GetBoolean());
        Assert.Equal(JsonValueKind.Null, components[1].GetProperty("purl").ValueKind);
        Assert.Equal("CN", (await office.GetAsync($"/api/v1/products/{product}/versions/{versionId}/components/{components[1].GetProperty("id").GetGuid()}")).GetProperty("countryOfOrigin").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync("/api/v1/products", new { name = "Office product", kind = "Software" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.Http.DeleteAsync($"/api/v1/products/{product}/versions/{versionId}/components/{componentId}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_provider_changes_its_product_version_and_components(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Northwind Firewall"));
        var version = await provider.VersionAsync(product, "4.0");
        var component = await provider.ComponentAsync(product, version, ProductApi.Component());
        var renamed = ProductApi.Unique("Northwind Next-Generation Firewall");

        var product_ = await provider.Http.PutAsJsonAsync($"/api/v1/products/{product}", new { name = renamed, kind = "Software", description = "" });
        var version_ = await provider.Http.PutAsJsonAsync($"/api/v1/products/{product}/versions/{version}", new { version = "4.0.1", releasedOn = (string?)null });
        var component_ = await provider.Http.PutAsJsonAsync($"/api/v1/products/{product}/versions/{version}/components/{component}",
            ProductApi.Component("OpenSSL", "3.0.14", "US", "pkg:generic/openssl@3.0.14"));
        var removed = await provider.Http.DeleteAsync($"/api/v1/products/{product}/versions/{version}/components/{component}");
        var removedAgain = await provider.Http.DeleteAsync($"/api/v1/products/{product}/versions/{version}/components/{component}");

        Assert.Equal(HttpStatusCode.OK, product_.StatusCode);
        Assert.Equal("Software", (await product_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal("4.0.1", (await version_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());
        Assert.Equal("3.0.14", (await component_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, removedAgain.StatusCode);
        var stored = await app.WithDbAsync(db => db.Products.Include(p => p.Versions).ThenInclude(v => v.Components).SingleAsync(p => p.Id == product));
        Assert.Equal(renamed, stored.Name);
        Assert.Equal("4.0.1", stored.Versions.Single().Version);
        Assert.Null(stored.Versions.Single().ReleasedOn);
        Assert.Empty(stored.Versions.Single().Components);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_once(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var name = ProductApi.Unique("Northwind Switch");
        var productKey = Guid.NewGuid().ToString();

        var first = await provider.PostAsync("/api/v1/products", new { name, kind = "Hardware" }, productKey);
        var retry = await provider.PostAsync("/api/v1/products", new { name, kind = "Hardware" }, productKey);
        var product = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var versionKey = Guid.NewGuid().ToString();
        var version = await provider.PostAsync($"/api/v1/products/{product}/versions", new { version = "1.0" }, versionKey);
        var versionRetry = await provider.PostAsync($"/api/v1/products/{product}/versions", new { version = "1.0" }, versionKey);
        var versionId = (await version.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var componentKey = Guid.NewGuid().ToString();
        var component = await provider.PostAsync($"/api/v1/products/{product}/versions/{versionId}/components", ProductApi.Component(), componentKey);
        var componentRetry = await provider.PostAsync($"/api/v1/products/{product}/versions/{versionId}/components", ProductApi.Component(), componentKey);
        var withoutKey = await provider.PostAsync($"/api/v1/products/{product}/versions/{versionId}/components", ProductApi.Component());

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { first.StatusCode, retry.StatusCode });
        Assert.Equal(product, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { version.StatusCode, versionRetry.StatusCode });
        Assert.Equal(versionId, (await versionRetry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { component.StatusCode, componentRetry.StatusCode });
        Assert.Equal((await component.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            (await componentRetry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        // Without a key the same component again is a duplicate the provider is told about, not a second row.
        Assert.Contains("already lists OpenSSL 3.0.13", (await ProductApi.ProblemAsync(withoutKey, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Name")[0].GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Products.CountAsync(p => p.Name == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProductVersions.CountAsync(v => v.ProductId == product)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProductComponents.CountAsync(c => c.VersionId == versionId)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_new_version_can_start_from_the_components_of_another(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Northwind Access Point"));
        var first = await provider.VersionAsync(product, "1.0");
        await provider.ComponentAsync(product, first, ProductApi.Component());
        await provider.ComponentAsync(product, first, ProductApi.Component("BusyBox", "1.36.1", "US", "pkg:generic/busybox@1.36.1", isKey: false));
        var other = await provider.ProductAsync(ProductApi.Unique("Northwind Other"));
        var foreignVersion = await provider.VersionAsync(other, "9.9");

        var second = await provider.CreatedAsync($"/api/v1/products/{product}/versions", new { version = "1.1", copyComponentsFrom = first });
        var fromAnotherProduct = await provider.PostAsync($"/api/v1/products/{product}/versions", new { version = "1.2", copyComponentsFrom = foreignVersion });

        Assert.Equal(["OpenSSL", "BusyBox"], second.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.True((await ProductApi.ProblemAsync(fromAnotherProduct, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("CopyComponentsFrom", out _));
        var versions = (await provider.GetAsync($"/api/v1/products/{product}")).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["1.0", "1.1"], versions.Select(v => v.GetProperty("version").GetString()));
        Assert.NotEqual(versions[0].GetProperty("components")[0].GetProperty("id").GetGuid(), versions[1].GetProperty("components")[0].GetProperty("id").GetGuid());
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_list_is_paged_and_searchable(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var tag = Guid.NewGuid().ToString("N")[..8];
        foreach (var n in new[] { "Alpha", "Beta", "Gamma" })
            await provider.ProductAsync($"Paged {n} {tag}");

        var page1 = await provider.GetAsync($"/api/v1/products?search={tag}&pageSize=2");
        var page2 = await provider.GetAsync($"/api/v1/products?search={tag.ToUpperInvariant()}&pageSize=2&page=2");

        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("pages").GetInt32());
        Assert.Equal([$"Paged Alpha {tag}", $"Paged Beta {tag}"], page1.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal([$"Paged Gamma {tag}"], page2.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
