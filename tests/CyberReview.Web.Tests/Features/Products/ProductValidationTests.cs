using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CyberReview.Reviews.Products;
using CyberReview.SupplyChain.Purls;
using CyberReview.Web.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace CyberReview.Web.Tests.Features.Products;

/// <summary>Bad input gets a 400 that names the field and the problem, and nothing is saved.</summary>
public sealed class ProductValidationTests(Apps apps)
{
    public static TheoryData<Database, string, string> BadPurls()
    {
        var data = new TheoryData<Database, string, string>();
        foreach (var engine in new Databases())
        {
            data.Add(engine, "npm/lodash@4.17.21", "does not start with the scheme pkg:");
            data.Add(engine, "pkg:maven/log4j-core@2.17.1", "requires a namespace");
            data.Add(engine, "pkg:npm/lodash@4.17.21?Arch=x86", "qualifier key");
            data.Add(engine, "pkg:1npm/lodash@1.0", "the type must start with a letter");
            data.Add(engine, "pkg:npm/%zz", "%");
        }
        return data;
    }

    [Theory, MemberData(nameof(BadPurls))]
    public async Task A_bad_purl_is_refused_naming_the_problem(Database engine, string purl, string problem)
    {
        var app = await apps.For(engine);
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Purl test"));
        var version = await provider.VersionAsync(product);

        var response = await provider.PostAsync($"/api/v1/products/{product}/versions/{version}/components", ProductApi.Component(purl: purl));

        var message = (await ProductApi.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Purl").EnumerateArray().Single().GetString();
        Assert.Contains($"“{purl}” is not a valid package URL", message);
        Assert.Contains(problem, message);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProductComponents.CountAsync(c => c.VersionId == version)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task An_unknown_country_and_missing_fields_are_refused_together(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Country test"));
        var version = await provider.VersionAsync(product);
        var path = $"/api/v1/products/{product}/versions/{version}/components";

        var unknown = await provider.PostAsync(path, ProductApi.Component(country: "XK"));
        var reserved = await provider.PostAsync(path, ProductApi.Component(country: "UK"));
        var empty = await provider.PostAsync(path, new { name = " ", version = "", supplier = (string?)null, countryOfOrigin = "", isKey = true });

        var unknownErrors = (await ProductApi.ProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["CountryOfOrigin"], unknownErrors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("“XK” is not an ISO 3166-1 country code", unknownErrors.GetProperty("CountryOfOrigin")[0].GetString());
        Assert.Contains("“UK”", (await ProductApi.ProblemAsync(reserved, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("CountryOfOrigin")[0].GetString());
        var emptyErrors = (await ProductApi.ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["CountryOfOrigin", "Name", "Supplier", "Version"], emptyErrors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Version is required.", emptyErrors.GetProperty("Version")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.ProductComponents.CountAsync(c => c.VersionId == version)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Products_and_versions_need_a_name_a_kind_and_a_unique_label(Database engine)
    {
        var app = await apps.For(engine);
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var name = ProductApi.Unique("Validation test");
        var product = await provider.ProductAsync(name);
        await provider.VersionAsync(product, "1.0");

        var nameless = await provider.PostAsync("/api/v1/products", new { name = "", kind = (string?)null });
        var taken = await provider.PostAsync("/api/v1/products", new { name = $"  {name} ", kind = "Software" });
        var unknownKind = await provider.PostAsync("/api/v1/products", new { name = "Spaceship", kind = "Spaceship" });
        var sameLabel = await provider.PostAsync($"/api/v1/products/{product}/versions", new { version = "1.0" });
        var noLabel = await provider.PostAsync($"/api/v1/products/{product}/versions", new { version = "  " });

        var namelessErrors = (await ProductApi.ProblemAsync(nameless, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["Kind", "Name"], namelessErrors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("already have a product named", (await ProductApi.ProblemAsync(taken, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Name")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        Assert.Contains("already has a version “1.0”", (await ProductApi.ProblemAsync(sameLabel, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Version")[0].GetString());
        Assert.True((await ProductApi.ProblemAsync(noLabel, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Version", out _));
        Assert.Equal(1, await app.WithDbAsync(db => db.Products.CountAsync(p => p.Name == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProductVersions.CountAsync(v => v.ProductId == product)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Problems_are_told_in_the_users_language(Database engine)
    {
        using var provider = await ProductApi.ForOwnProviderAsync(apps, engine);
        var product = await provider.ProductAsync(ProductApi.Unique("Language test"));
        var version = await provider.VersionAsync(product);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/products/{product}/versions/{version}/components")
        {
            Content = JsonContent.Create(ProductApi.Component(country: "XK", purl: "npm/lodash")),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var errors = (await ProductApi.ProblemAsync(await provider.Http.SendAsync(request), HttpStatusCode.BadRequest)).GetProperty("errors");

        Assert.Contains("不是 ISO 3166-1 国家或地区代码", errors.GetProperty("CountryOfOrigin")[0].GetString());
        Assert.Contains("未以 pkg: 开头", errors.GetProperty("Purl")[0].GetString());
    }

    [Fact]
    public void Every_purl_error_and_every_country_has_words_in_both_languages()
    {
        var web = Path.Combine(SharedData.RepositoryRoot(), "src", "CyberReview.Web");
        foreach (var file in new[] { "Text.resx", "Text.zh-CN.resx" })
        {
            var keys = Keys(Path.Combine(web, "Resources", file));
            Assert.All(Enum.GetNames<PackageUrlError>(), error => Assert.Contains($"PurlError.{error}", keys));
        }
        foreach (var file in new[] { "CountryNames.resx", "CountryNames.zh-CN.resx" })
            Assert.Equal(CountryCodes.Assigned, Keys(Path.Combine(web, "Features", "Products", file)).Order(StringComparer.Ordinal));
    }

    private static List<string> Keys(string resx) =>
        [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];
}
