using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Reviews.Access;
using CyberReview.Web.Tests.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Products;

public sealed class ProductAccessTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_provider_sees_only_its_own_products_on_the_page_and_in_the_api(Database engine)
    {
        var app = await apps.For(engine);
        var provider = await apps.SignedIn(engine, Role.Provider);

        var page = await provider.GetAsync("/Products");
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(provider, "catalogue sync"));
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=100");

        Assert.Contains("NR-9000 Core Router", page.Html);
        Assert.DoesNotContain("Contoso Managed Database", page.Html);
        var providers = listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provider").GetString()).Distinct();
        Assert.Equal(["Northwind Networks Ltd."], providers);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_providers_product_does_not_exist_for_a_provider(Database engine)
    {
        var app = await apps.For(engine);
        var contosoProduct = await app.WithDbAsync(db => db.Products.Where(p => p.Provider.Name == "Contoso Cloud Co.").Select(p => p.Id).FirstAsync());
        var ownProduct = await app.WithDbAsync(db => db.Products.Where(p => p.Provider.Name == "Northwind Networks Ltd.").Select(p => p.Id).FirstAsync());
        var provider = await apps.SignedIn(engine, Role.Provider);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(provider, "probe"));

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/products/{contosoProduct}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/products/{ownProduct}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_sees_every_providers_products(Database engine)
    {
        var app = await apps.For(engine);
        var office = await apps.SignedIn(engine, Role.Office);
        using var api = Tokens.ApiClient(app, await Tokens.CreateAsync(office, "overview"));

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/products?pageSize=100");

        var providers = listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("provider").GetString()).Distinct().Order();
        // Other tests register providers of their own; the demo's two are always there.
        Assert.Contains("Contoso Cloud Co.", providers);
        Assert.Contains("Northwind Networks Ltd.", providers);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("kind").GetString() == "CloudService");
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Another_provider_gets_404_on_every_endpoint_and_page_of_a_product(Database engine)
    {
        var app = await apps.For(engine);
        using var owner = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await owner.ProductAsync(ProductApi.Unique("Northwind Secret Router"));
        var version = await owner.VersionAsync(product, "1.0");
        var component = await owner.ComponentAsync(product, version, ProductApi.Component());
        var (email, password) = await Invitations.CreateActiveUserAsync(apps, engine, Role.Provider, "Contoso Cloud Co.");
        var pages = PageClient.For(app);
        await pages.SignInAsync(email, password);
        using var other = await ProductApi.ForAsync(app, pages);
        var versionPath = $"/api/v1/products/{product}/versions/{version}";
        var componentPath = $"{versionPath}/components/{component}";

        var answers = new Dictionary<string, HttpStatusCode>
        {
            ["GET product"] = (await other.Http.GetAsync($"/api/v1/products/{product}")).StatusCode,
            ["GET version"] = (await other.Http.GetAsync(versionPath)).StatusCode,
            ["GET component"] = (await other.Http.GetAsync(componentPath)).StatusCode,
            ["PUT product"] = (await other.Http.PutAsJsonAsync($"/api/v1/products/{product}", new { name = "Taken over", kind = "Software" })).StatusCode,
            ["POST version"] = (await other.PostAsync($"/api/v1/products/{product}/versions", new { version = "6.6.6" })).StatusCode,
            ["PUT version"] = (await other.Http.PutAsJsonAsync(versionPath, new { version = "6.6.6" })).StatusCode,
            ["POST component"] = (await other.PostAsync($"{versionPath}/components", ProductApi.Component("Implant", "1.0"))).StatusCode,
            ["PUT component"] = (await other.Http.PutAsJsonAsync(componentPath, ProductApi.Component("Implant", "1.0"))).StatusCode,
            ["DELETE component"] = (await other.Http.DeleteAsync(componentPath)).StatusCode,
            ["product page"] = (await pages.GetAsync($"/Products/Product?id={product}")).Status,
            ["edit page"] = (await pages.GetAsync($"/Products/Edit?id={product}")).Status,
            ["version page"] = (await pages.GetAsync($"/Products/Version?productId={product}&id={version}")).Status,
            ["component page"] = (await pages.GetAsync($"/Products/Component?productId={product}&versionId={version}&id={component}")).Status,
            ["remove form"] = (await pages.PostFormAsync("/Products/Product?handler=Remove",
                [new("id", product.ToString()), new("versionId", version.ToString()), new("componentId", component.ToString())], formPage: "/Products")).Status,
            ["component form"] = (await pages.PostFormAsync($"/Products/Component?productId={product}&versionId={version}",
                [new("Form.Name", "Implant"), new("Form.Version", "1.0"), new("Form.Supplier", "x"), new("Form.CountryOfOrigin", "CN")], formPage: "/Products")).Status,
        };

        Assert.All(answers, answer => Assert.True(answer.Value == HttpStatusCode.NotFound, $"{answer.Key}: {answer.Value}"));
        var listed = await other.GetAsync("/api/v1/products?pageSize=100");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == product);
        var stored = await app.WithDbAsync(db => db.Products.Include(p => p.Versions).ThenInclude(v => v.Components).SingleAsync(p => p.Id == product));
        Assert.Equal(["1.0"], stored.Versions.Select(v => v.Version));
        Assert.Equal(["OpenSSL"], stored.Versions.Single().Components.Select(c => c.Name));
        // The ids that exist for another provider answer exactly like ids that exist for nobody.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/products/{Guid.NewGuid()}")).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_version_or_component_under_another_product_is_not_found(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var first = await provider.ProductAsync(ProductApi.Unique("First"));
        var second = await provider.ProductAsync(ProductApi.Unique("Second"));
        var version = await provider.VersionAsync(first);
        var component = await provider.ComponentAsync(first, version, ProductApi.Component());

        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/api/v1/products/{second}/versions/{version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.DeleteAsync($"/api/v1/products/{second}/versions/{version}/components/{component}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsync($"/api/v1/products/{second}/versions/{version}/components", ProductApi.Component("zlib", "1.3"))).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_office_reads_a_product_page_without_any_way_to_change_it(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Office view"));
        var version = await provider.VersionAsync(product, "3.2");
        var component = await provider.ComponentAsync(product, version, ProductApi.Component());
        var office = await apps.SignedIn(engine, Role.Office);

        var page = await office.GetAsync($"/Products/Product?id={product}");
        var edit = await office.GetAsync($"/Products/Edit?id={product}");
        var remove = await office.PostFormAsync("/Products/Product?handler=Remove",
            [new("id", product.ToString()), new("versionId", version.ToString()), new("componentId", component.ToString())], formPage: $"/Products/Product?id={product}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("OpenSSL", page.Html);
        Assert.Contains("pkg:generic/openssl@3.0.13", page.Html);
        Assert.DoesNotContain("/Products/Component?", page.Html);
        Assert.DoesNotContain("/Products/Edit?", page.Html);
        Assert.DoesNotContain("handler=Remove", page.Html);
        Assert.Equal(HttpStatusCode.Redirect, edit.Status);
        Assert.StartsWith("/Account/AccessDenied", edit.RedirectPath);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        Assert.Equal(1, await (await apps.For(engine)).WithDbAsync(db => db.ProductComponents.CountAsync(c => c.Id == component)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Roles_without_products_are_refused_the_pages_and_the_api(Database engine)
    {
        var app = await apps.For(engine);
        var expert = await apps.SignedIn(engine, Role.Expert);
        using var api = await ProductApi.ForAsync(app, expert);
        var someProduct = await app.WithDbAsync(db => db.Products.Select(p => p.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync($"/Products/Product?id={someProduct}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Products/Edit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Http.GetAsync($"/api/v1/products/{someProduct}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync("/api/v1/products", new { name = "x", kind = "Software" })).StatusCode);
    }
}
