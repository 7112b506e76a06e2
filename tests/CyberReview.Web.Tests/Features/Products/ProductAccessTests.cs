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
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/products");

        Assert.Contains("NR-9000 Core Router", page.Html);
        Assert.DoesNotContain("Contoso Managed Database", page.Html);
        var providers = listed.EnumerateArray().Select(p => p.GetProperty("provider").GetString()).Distinct();
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

        var listed = await api.GetFromJsonAsync<JsonElement>("/api/v1/products");

        // Other tests in the shared app add providers of their own; the demo's two must both be there.
        var providers = listed.EnumerateArray().Select(p => p.GetProperty("provider").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Contoso Cloud Co.", "Northwind Networks Ltd." }, providers);
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("kind").GetString() == "CloudService");
    }
}
